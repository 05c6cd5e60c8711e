/**
 * The order of the ways to top up for the answers a reader picked in the home page's chooser. Its own module, free
 * of the chooser's YAML parser, because the browser runs it (src/features/chooser/client/finder.ts).
 */

/** How well a method fits the answers picked so far. */
export type Fit = 'best' | 'fits' | 'no';

export interface AnswerRule {
  recommend: readonly string[];
  exclude: readonly string[];
}

/**
 * The methods in the order to show them for the picked answers: those recommended most come first (marked
 * `best`), then the others that can still work (`fits`), then those an answer rules out (`no`), each group in the
 * given order. With nothing picked, every method `fits`, in order.
 */
export function rankMethods(methods: readonly string[], picked: readonly AnswerRule[]): { method: string; fit: Fit }[] {
  const excluded = new Set(picked.flatMap((a) => a.exclude));
  const score = (m: string) => picked.filter((a) => a.recommend.includes(m)).length;
  const open = methods.filter((m) => !excluded.has(m));
  const top = Math.max(0, ...open.map(score));
  const ranked = [...open].sort((a, b) => score(b) - score(a));
  return [
    ...ranked.map((method) => ({ method, fit: (top > 0 && score(method) === top ? 'best' : 'fits') as Fit })),
    ...methods.filter((m) => excluded.has(m)).map((method) => ({ method, fit: 'no' as Fit })),
  ];
}
