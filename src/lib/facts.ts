import { formatDate } from './dates';
import type { Locale } from './locales';

/** How a fact's value is shown: the same data, written the way each language writes it. */
export const FACT_KINDS = [
  'ussd',
  'phone',
  'sms',
  'url',
  'app',
  'amount',
  'percent',
  'duration',
  'date',
  'text',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Kinds a phone can dial or text straight from a `tel:`/`sms:` link. */
export function isDialable(kind: FactKind): boolean {
  return kind === 'ussd' || kind === 'phone' || kind === 'sms';
}

/**
 * `tel:` link for a USSD code or phone number. `#` must be encoded as %23 (a raw `#` starts the URL fragment,
 * and the dialler would get `*829` only); spaces and dashes are dropped.
 */
export function dialHref(kind: FactKind, value: string): string {
  const digits = value.replace(/[\s-]/g, '').replace(/#/g, '%23');
  return `${kind === 'sms' ? 'sms' : 'tel'}:${digits}`;
}

const GROUPING: Record<Locale, string> = { zh: 'zh-CN', en: 'en-GB' };

function rupees(amount: string, locale: Locale): string {
  const format = (n: string) => new Intl.NumberFormat(GROUPING[locale], { maximumFractionDigits: 2 }).format(Number(n));
  const parts = amount.split('-').map(format);
  const number = parts.join('–');
  return locale === 'zh' ? `${number} 卢比` : `Rs ${number}`;
}

/** The text shown for a fact, e.g. amount "5000" → "Rs 5,000" / "5,000 卢比"; "0" → "free" / "免费". */
export function formatFactValue(kind: FactKind, value: string, locale: Locale): string {
  switch (kind) {
    case 'amount':
      if (!/^\d+(\.\d+)?(-\d+(\.\d+)?)?$/.test(value))
        throw new Error(`amount "${value}" must be digits (or a range "10-200")`);
      if (Number(value) === 0) return locale === 'zh' ? '免费' : 'free';
      return rupees(value, locale);
    case 'percent':
      return `${value}%`;
    case 'duration':
      return locale === 'zh' ? `${value} 天` : `${value} days`;
    case 'date':
      return formatDate(new Date(`${value}T00:00:00Z`), locale);
    default:
      return value;
  }
}

/** Fact ids a guide uses, read from its MDX source (`<Fact id="…"/>`), in order of first use. */
export function factIdsIn(mdx: string): string[] {
  const ids = [...mdx.matchAll(/<Fact\b[^>]*?\bid=["']([^"']+)["']/g)].map((m) => m[1] ?? '');
  return [...new Set(ids)];
}

/** Page sources: the frontmatter's first, then each fact's sources in order of use, without repeats. */
export function mergeSourceIds(pageSources: readonly string[], factSources: readonly (readonly string[])[]): string[] {
  return [...new Set([...pageSources, ...factSources.flat()])];
}
