/**
 * Pages outside content/guides that a guide or the home page may link to by slug (`<GuideLink to="show-shopkeeper" />`),
 * with the UI string that is their title. Their routes live in src/pages/[lang]/.
 */
export const SITE_PAGES = {
  'show-shopkeeper': { titleKey: 'shopkeeper.title' },
} as const satisfies Record<string, { titleKey: string }>;

export type SitePageSlug = keyof typeof SITE_PAGES;

export function isSitePage(slug: string): slug is SitePageSlug {
  return Object.hasOwn(SITE_PAGES, slug);
}
