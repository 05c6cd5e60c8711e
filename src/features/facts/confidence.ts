/**
 * How sure we are of a fact: `confirmed` by the operator/regulator or several reports; `likely`
 * from one reasonable or older source (the page says "usually" / "at the time of checking"); `unverified`:
 * shown only with a visible "check with your operator" marker.
 */
export const CONFIDENCE = ['confirmed', 'likely', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export function needsCaution(confidence: Confidence): boolean {
  return confidence !== 'confirmed';
}
