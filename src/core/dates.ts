import type { Locale } from './locales';

/** Dates in content are calendar days; format them in UTC so the day never shifts with the build machine. */
export function formatDate(date: Date, locale: Locale): string {
  const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** `2026-11-26`, for `<time datetime>` and machine-readable output. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
