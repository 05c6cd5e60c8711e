import i18next from 'i18next';
import en from './en.json';
import zh from './zh.json';
import { describeKeyProblems } from './key-parity';
import type { Locale } from '../core/locales';

/** English is the schema: its keys type every lookup. */
export type UiKey = keyof typeof en;
export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

const strings: Record<Locale, Record<string, string>> = { zh, en };

// Fail the build (every page imports this module) when a language lacks a key of another.
const problem = describeKeyProblems(strings, (locale) => `src/i18n/${locale}.json`);
if (problem) throw new Error(problem);

// i18next runs at build time only: pages are static, so nothing of it reaches the browser.
const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: 'zh',
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  // Astro escapes what it renders; escaping here too would double-escape.
  interpolation: { escapeValue: false },
});

export function useTranslations(locale: Locale): Translate {
  const t = i18n.getFixedT(locale);
  return (key, values) => {
    if (!(key in strings[locale])) throw new Error(`src/i18n/${locale}.json has no string "${key}"`);
    return t(key, values ?? {}) as string;
  };
}
