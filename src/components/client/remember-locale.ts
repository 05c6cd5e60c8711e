import { isLocale } from '../../core/locales';

export const LOCALE_KEY = 'preferred-locale';

/** Remember an explicit language choice for the `/` chooser. Storage may be unavailable (private mode). */
export function rememberLocale(locale: string | undefined): void {
  if (!isLocale(locale)) return;
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not remembering is fine: the chooser then asks the browser.
  }
}

export function rememberedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}
