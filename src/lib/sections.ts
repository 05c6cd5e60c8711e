/**
 * Every method page answers the same questions in the same order, so a reader who has used one page knows where
 * to look on the next, and a shared link like /zh/online/#if-it-fails works on every method.
 */
export const METHOD_SECTIONS = [
  'who-it-suits',
  'what-you-need',
  'steps',
  'if-it-fails',
  'cost-and-time',
  'good-to-know',
  'try-instead',
] as const;

/** Which required section ids a page lacks or has out of order; empty when it is fine. */
export function sectionProblems(
  headingIds: readonly string[],
  required: readonly string[] = METHOD_SECTIONS,
): string[] {
  const missing = required.filter((id) => !headingIds.includes(id));
  if (missing.length) return [`missing sections: #${missing.join(', #')}`];
  const order = headingIds.filter((id) => required.includes(id));
  return order.join() === required.join() ? [] : [`sections out of order: expected #${required.join(', #')}`];
}
