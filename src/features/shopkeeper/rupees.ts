import { asciiDigits, groupThousands } from './digits';

/**
 * The amount a reader asks a shop to load, in whole Pakistani rupees. The range only catches slips of the
 * finger (5 for 500, 50000 for 5000); it is not an operator limit, which we do not know for every shop.
 */
export const MIN_RUPEES = 10;
export const MAX_RUPEES = 10_000;

export type RupeeError =
  /** Nothing typed. */
  | 'empty'
  /** Not a number. */
  | 'chars'
  /** Has paisa (500.50): shops load whole rupees. */
  | 'whole'
  /** Zero, negative, or below MIN_RUPEES. */
  | 'small'
  /** Above MAX_RUPEES. */
  | 'large';

export type RupeeResult = { ok: true; rupees: number } | { ok: false; error: RupeeError };

/** Languages an amount is written in: the card's Urdu and English, and the reader's Chinese. */
export type AmountLanguage = 'ur' | 'en' | 'zh';

/** A currency word before or after the number is fine: Rs 500, Rs. 500, PKR 500, ₨500, 500 rupees, 500 卢比. */
const CURRENCY_BEFORE = /^(?:rs\.?|pkr|₨)/i;
const CURRENCY_AFTER = /(?:rupees?|rs\.?|روپے|روپیہ|卢比)$/i;
/** Thousands separators and spaces: 1,000 / 1 000 / 1，000. */
const GROUPING = /[\s\u00a0\u3000,\uff0c\u066c]/g;

export function parseRupees(input: string): RupeeResult {
  const text = asciiDigits(input).replace(GROUPING, '').replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  if (text === '') return { ok: false, error: input.trim() === '' ? 'empty' : 'chars' };
  const match = /^([-−]?)(\d+)(?:[.\u066b](\d+))?$/.exec(text);
  if (!match) return { ok: false, error: 'chars' };
  const [, sign, whole = '', paisa = ''] = match;
  if (/[1-9]/.test(paisa)) return { ok: false, error: 'whole' };
  const rupees = Number(whole);
  if (sign || rupees < MIN_RUPEES) return { ok: false, error: 'small' };
  if (rupees > MAX_RUPEES) return { ok: false, error: 'large' };
  return { ok: true, rupees };
}

/** The currency word around the number, per language: `Rs ` before it in English, ` روپے` / ` 卢比` after it. */
export function rupeeAffixes(language: AmountLanguage): { before: string; after: string } {
  switch (language) {
    case 'en':
      return { before: 'Rs ', after: '' };
    case 'ur':
      return { before: '', after: ' روپے' };
    case 'zh':
      return { before: '', after: ' 卢比' };
  }
}

/**
 * An amount as each language writes it: `Rs 1,000` (English, as on Pakistani receipts), `1,000 روپے` (Urdu: the
 * number first, then the word; with Western digits, which Pakistani phones and receipts use), `1,000 卢比`.
 */
export function formatRupees(rupees: number, language: AmountLanguage): string {
  const { before, after } = rupeeAffixes(language);
  return `${before}${groupThousands(rupees)}${after}`;
}
