/**
 * The document `<title>` of a page in one language: its own title, then the site name, as long as the whole fits
 * in MAX_TITLE_LENGTH characters (search results and browser tabs cut longer titles, and html-validate's
 * `long-title` rule fails them). A longer one keeps only the page's own title, which is the part readers need.
 */
export const MAX_TITLE_LENGTH = 70;
export const TITLE_SEPARATOR = ' · ';

export function documentTitle(title: string, siteName: string, { home = false } = {}): string {
  if (home) return title;
  const full = `${title}${TITLE_SEPARATOR}${siteName}`;
  return [...full].length <= MAX_TITLE_LENGTH ? full : title;
}
