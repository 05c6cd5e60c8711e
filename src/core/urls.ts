import { isLocale, type Locale } from './locales';

/** The path of a page in one language: `/zh/`, `/en/store/`. Slugs are ASCII and shared by both languages. */
export function localizedPath(locale: Locale, slug = ''): string {
  const clean = slug.replace(/^\/+|\/+$/g, '');
  return clean ? `/${locale}/${clean}/` : `/${locale}/`;
}

/** Split `/zh/store/` into its language and the language-neutral rest (`store`). */
export function splitLocalePath(pathname: string): { locale: Locale | undefined; slug: string } {
  const [first = '', ...rest] = pathname.replace(/^\/+/, '').split('/');
  if (!isLocale(first)) return { locale: undefined, slug: pathname.replace(/^\/+|\/+$/g, '') };
  return { locale: first, slug: rest.join('/').replace(/\/+$/, '') };
}

/**
 * The same page in another language, keeping query and `#anchor`: `/zh/store/#step-pay` → `/en/store/#step-pay`.
 * Anchor ids are identical across languages, so the hash stays valid.
 */
export function switchLocale(href: string, target: Locale): string {
  const match = /^([^?#]*)([^#]*)(#.*)?$/.exec(href);
  const [, pathname = '/', search = '', hash = ''] = match ?? [];
  const { slug } = splitLocalePath(pathname);
  return `${localizedPath(target, slug)}${search}${hash}`;
}

/** The language of a page from its URL; throws for a URL outside the language folders (a programming error). */
export function localeOfUrl(url: URL): Locale {
  const { locale } = splitLocalePath(url.pathname);
  if (!locale) throw new Error(`${url.pathname} is not inside a language folder (/zh/ or /en/)`);
  return locale;
}
