import { htmlLang, LOCALES } from './locales';
import { localizedPath, splitLocalePath } from './urls';

/**
 * Language signals for search engines and chat previews. Every page of the site belongs to one cluster: the same
 * page in every language plus `x-default`, which is the `/` language chooser (for readers whose language we do not
 * have). The HTML head, the sitemap and the tests all take the cluster from here, so they cannot disagree.
 */
export interface Alternate {
  /** `zh-CN`, `en` or `x-default`. */
  hreflang: string;
  href: string;
}

/** The reserved hreflang for "no language matches": our `/` chooser. */
export const X_DEFAULT = 'x-default';

/** The alternates of the page with this language-neutral slug ('' for the homes and `/`), as absolute URLs. */
export function languageAlternates(slug: string, site: URL | string): Alternate[] {
  return [
    ...LOCALES.map((locale) => ({ hreflang: htmlLang(locale), href: new URL(localizedPath(locale, slug), site).href })),
    { hreflang: X_DEFAULT, href: new URL('/', site).href },
  ];
}

/**
 * The alternates of any URL of the site (as the sitemap lists them): `/zh/store/` and `/en/store/` share one
 * cluster; `/` belongs with the homes. A path outside the language folders (other than `/`) has none.
 */
export function alternatesOfUrl(url: string, site: URL | string): Alternate[] {
  const { pathname } = new URL(url, site);
  if (pathname === '/') return languageAlternates('', site);
  const { locale, slug } = splitLocalePath(pathname);
  return locale ? languageAlternates(slug, site) : [];
}
