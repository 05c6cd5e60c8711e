/**
 * Anchor ids are a public contract: they are shared as links (`/zh/store/#step-pay`), so they are written by
 * hand in ASCII, never derived from heading text, and must be the same in every language of a page.
 */
export const ANCHOR_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const STEP_ID = /^step-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isAnchorId(id: string): boolean {
  return ANCHOR_ID.test(id);
}

export function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

export interface AnchorMismatch {
  /** Ids that one language has and the other lacks, by language. */
  missing: Record<string, string[]>;
  /** True when both have the same ids in a different order. */
  reordered: boolean;
}

/** Compare the anchor ids of the language versions of one page; `undefined` when they agree. */
export function compareAnchors(byLocale: Record<string, readonly string[]>): AnchorMismatch | undefined {
  const locales = Object.keys(byLocale);
  const all = new Set(locales.flatMap((l) => byLocale[l] ?? []));
  const missing: Record<string, string[]> = {};
  for (const locale of locales) {
    const own = new Set(byLocale[locale]);
    const lacks = [...all].filter((id) => !own.has(id));
    if (lacks.length) missing[locale] = lacks;
  }
  const orders = locales.map((l) => (byLocale[l] ?? []).join(' '));
  const reordered = Object.keys(missing).length === 0 && new Set(orders).size > 1;
  return Object.keys(missing).length || reordered ? { missing, reordered } : undefined;
}

export function describeAnchorMismatch(page: string, mismatch: AnchorMismatch): string {
  const parts = Object.entries(mismatch.missing).map(([locale, ids]) => `${locale} lacks #${ids.join(', #')}`);
  if (mismatch.reordered) parts.push('the ids are in a different order');
  return `${page}: the language versions disagree on anchor ids: ${parts.join('; ')}`;
}
