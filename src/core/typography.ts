import type { Locale } from './locales';

/**
 * What goes between two sentences (or a bold lead and its sentence) that a component puts side by side: a space
 * in English, nothing in Chinese, where full-width punctuation already carries the gap ("去店里充。小卖部…").
 */
export function sentenceGap(locale: Locale): string {
  return locale === 'zh' ? '' : ' ';
}
