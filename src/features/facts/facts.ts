import { formatDate } from '../../core/dates';
import type { Locale } from '../../core/locales';

/**
 * How a fact's value is shown: the same data, written the way each language writes it. `fee` is an amount charged
 * for something (0 reads "no fee", never "free", which would say the thing itself costs nothing); `code-pattern` is
 * a code to fill in (`*100*03XXXXXXXXX*amount#`), shown as code but not dialable.
 */
export const FACT_KINDS = [
  'ussd',
  'phone',
  'sms',
  'url',
  'app',
  'amount',
  'fee',
  'percent',
  'duration',
  'date',
  'text',
  'code-pattern',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Who a reader should ask to confirm a fact that is not confirmed: the marker names them. */
export const PARTIES = ['operator', 'bank', 'wallet', 'service', 'pta'] as const;
export type Party = (typeof PARTIES)[number];

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
  // Paisa as written in the data: "8.60" stays Rs 8.60, "0.10" stays Rs 0.10.
  const format = (n: string) => {
    const decimals = n.split('.')[1]?.length ?? 0;
    return new Intl.NumberFormat(GROUPING[locale], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: 2,
    }).format(Number(n));
  };
  const parts = amount.split('-').map(format);
  const number = parts.join('–');
  return locale === 'zh' ? `${number} 卢比` : `Rs ${number}`;
}

const MONTHS: Record<Locale, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
};

/** A date fact: a day (`2025-12-31`), a month (`2026-02`, "February 2026") or a year (`2015`). */
function formatDateValue(value: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(new Date(`${value}T00:00:00Z`), locale);
  if (/^\d{4}-\d{2}$/.test(value)) return MONTHS[locale].format(new Date(`${value}-01T00:00:00Z`));
  if (/^\d{4}$/.test(value)) return locale === 'zh' ? `${value}年` : value;
  throw new Error(`date "${value}" must be YYYY-MM-DD, YYYY-MM or YYYY`);
}

/**
 * The text shown for a fact, e.g. amount "5000" → "Rs 5,000" / "5,000 卢比", amount "0" → "free" / "免费" (a price
 * of nothing), fee "0" → "no fee" / "免手续费".
 */
export function formatFactValue(kind: FactKind, value: string, locale: Locale): string {
  switch (kind) {
    case 'amount':
    case 'fee':
      if (!/^\d+(\.\d+)?(-\d+(\.\d+)?)?$/.test(value))
        throw new Error(`${kind} "${value}" must be digits (or a range "10-200")`);
      if (Number(value) === 0 && kind === 'fee') return locale === 'zh' ? '免手续费' : 'no fee';
      if (Number(value) === 0) return locale === 'zh' ? '免费' : 'free';
      return rupees(value, locale);
    case 'percent':
      return `${value}%`;
    case 'duration':
      return locale === 'zh' ? `${value} 天` : `${value} days`;
    case 'date':
      return formatDateValue(value, locale);
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
