/**
 * UI strings live in one flat JSON per language. Every language must have exactly the keys of every other one:
 * a missing translation is a build error, never a raw key or an English fallback shown to a Chinese reader.
 */
export type Strings = Record<string, string>;

/** For each language, the keys it lacks compared with the union of all languages. Empty when all agree. */
export function missingKeys(byLocale: Record<string, Strings>): Record<string, string[]> {
  const all = new Set(Object.values(byLocale).flatMap((strings) => Object.keys(strings)));
  const result: Record<string, string[]> = {};
  for (const [locale, strings] of Object.entries(byLocale)) {
    const lacks = [...all].filter((key) => !(key in strings)).sort();
    if (lacks.length) result[locale] = lacks;
  }
  return result;
}

/** Keys whose value is blank: as bad as a missing key. */
export function emptyValues(byLocale: Record<string, Strings>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [locale, strings] of Object.entries(byLocale)) {
    const blank = Object.entries(strings)
      .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
      .map(([k]) => k);
    if (blank.length) result[locale] = blank;
  }
  return result;
}

/** One message naming each file and the keys it lacks; `undefined` when every language is complete. */
export function describeKeyProblems(
  byLocale: Record<string, Strings>,
  fileOf: (locale: string) => string,
): string | undefined {
  const lines = [
    ...Object.entries(missingKeys(byLocale)).map(([l, keys]) => `${fileOf(l)} is missing: ${keys.join(', ')}`),
    ...Object.entries(emptyValues(byLocale)).map(
      ([l, keys]) => `${fileOf(l)} has empty values for: ${keys.join(', ')}`,
    ),
  ];
  return lines.length ? `UI strings are not translated completely:\n  ${lines.join('\n  ')}` : undefined;
}
