import { isLocale, LOCALES, type Locale } from './locales';

/** Guide files are content/guides/<locale>/<slug>.mdx; the collection id is `<locale>/<slug>`. */
export const GUIDE_DIR = 'content/guides';
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface GuideKey {
  locale: Locale;
  slug: string;
}

export function guideFile(key: GuideKey): string {
  return `${GUIDE_DIR}/${key.locale}/${key.slug}.mdx`;
}

export function parseGuideId(id: string): GuideKey {
  const [locale, slug, ...rest] = id.split('/');
  if (!isLocale(locale) || !slug || rest.length) {
    throw new Error(`${GUIDE_DIR}/${id}.mdx: guides must be at ${GUIDE_DIR}/<${LOCALES.join('|')}>/<slug>.mdx`);
  }
  if (!SLUG.test(slug)) {
    throw new Error(
      `${GUIDE_DIR}/${id}.mdx: the file name is the URL slug and must be lower-case ASCII words joined by hyphens`,
    );
  }
  return { locale, slug };
}

/** Guides that exist in some language but not in every one, as file paths that should exist. */
export function missingTranslations(ids: readonly string[]): string[] {
  const keys = ids.map(parseGuideId);
  const slugs = new Set(keys.map((k) => k.slug));
  const have = new Set(keys.map((k) => `${k.locale}/${k.slug}`));
  return [...slugs]
    .sort()
    .flatMap((slug) =>
      LOCALES.filter((locale) => !have.has(`${locale}/${slug}`)).map((locale) => guideFile({ locale, slug })),
    );
}

export function assertTranslated(ids: readonly string[]): void {
  const missing = missingTranslations(ids);
  if (missing.length) {
    throw new Error(`Every guide needs every language. Missing translations:\n  ${missing.join('\n  ')}`);
  }
}
