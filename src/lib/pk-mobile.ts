import { asciiDigits } from './digits';

/**
 * Pakistani mobile numbers: 11 digits starting 03 when dialled inside Pakistan (0300 1234567), or the same
 * without the 0 after the country code: +92 300 1234567, 0092 300 1234567. Readers type them with spaces,
 * dashes, dots or brackets, in full-width or Urdu digits; we keep the 11 national digits only.
 */

export type MobileError =
  /** Nothing typed. */
  | 'empty'
  /** Letters or other characters besides digits, spaces, dashes, dots, brackets and a leading +. */
  | 'chars'
  /** Not a Pakistani mobile number: does not start 03 (or +92 3, 0092 3), or another country code. */
  | 'prefix'
  /** Starts right, but does not have 11 digits. */
  | 'length';

export type MobileResult = { ok: true; digits: string } | { ok: false; error: MobileError };

/** Separators people write inside phone numbers: spaces of every kind, dashes, dots, slashes and brackets. */
const SEPARATORS = /[\s\u00a0\u3000\-\u2010-\u2015\u2212.()/]/g;

export const MOBILE_LENGTH = 11;

/** Read what a reader typed as a Pakistani mobile number: `{ ok, digits: '03001234567' }` or the first problem. */
export function parsePkMobile(input: string): MobileResult {
  const compact = asciiDigits(input).replace(SEPARATORS, '');
  if (compact === '') return { ok: false, error: 'empty' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, error: 'chars' };

  let national: string;
  if (compact.startsWith('+')) {
    // +92 300…, and the common slip +92 0300…; any other country code is not a Pakistani number.
    if (!compact.startsWith('+92')) return { ok: false, error: 'prefix' };
    national = `0${compact.slice(3).replace(/^0/, '')}`;
  } else if (compact.startsWith('0092')) {
    national = `0${compact.slice(4).replace(/^0/, '')}`;
  } else if (compact.startsWith('92') && compact.length === MOBILE_LENGTH + 1) {
    // 923001234567: the international form without + or 00.
    national = `0${compact.slice(2)}`;
  } else {
    national = compact;
  }

  if (!national.startsWith('03')) return { ok: false, error: 'prefix' };
  if (national.length !== MOBILE_LENGTH) return { ok: false, error: 'length' };
  return { ok: true, digits: national };
}

/** `03001234567` → `0300 1234567`: the operator code, a space, the subscriber number, as Pakistanis write it. */
export function formatPkMobile(digits: string): string {
  if (!/^03\d{9}$/.test(digits))
    throw new Error(`formatPkMobile: "${digits}" is not 11 digits starting 03; parse it with parsePkMobile first`);
  return `${digits.slice(0, 4)} ${digits.slice(4)}`;
}
