/** The site's languages: URL segment, `<html lang>` value and native name. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Used when nothing else tells us which language a reader wants. */
export const DEFAULT_LOCALE: Locale = 'zh';

const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
const NATIVE_NAME: Record<Locale, string> = { zh: '简体中文', en: 'English' };
/** Open Graph wants language_TERRITORY. */
const OG_LOCALE: Record<Locale, string> = { zh: 'zh_CN', en: 'en_GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function htmlLang(locale: Locale): string {
  return HTML_LANG[locale];
}

export function nativeName(locale: Locale): string {
  return NATIVE_NAME[locale];
}

export function ogLocale(locale: Locale): string {
  return OG_LOCALE[locale];
}

export function otherLocales(locale: Locale): Locale[] {
  return LOCALES.filter((l) => l !== locale);
}

/**
 * The language to send a reader to from `/`: an explicit earlier choice wins; otherwise the first browser
 * language we have (any `zh-*` counts as Chinese, since the Chinese pages are the closest match even for
 * zh-TW readers); otherwise the default.
 */
export function chooseLocale(stored: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
