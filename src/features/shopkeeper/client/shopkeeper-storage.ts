import { parsePkMobile } from '../pk-mobile';

/**
 * The reader's own number, kept only if they tick "remember", only in this browser's localStorage, and deleted
 * with one tap. Storage may be unavailable (private mode, blocked): then nothing is remembered, and that is fine.
 */
export const NUMBER_KEY = 'shopkeeper-number';

/** The saved number as 11 digits, or null; anything else found under the key is ignored. */
export function savedNumber(): string | null {
  try {
    const parsed = parsePkMobile(localStorage.getItem(NUMBER_KEY) ?? '');
    return parsed.ok ? parsed.digits : null;
  } catch {
    return null;
  }
}

export function saveNumber(digits: string): boolean {
  try {
    localStorage.setItem(NUMBER_KEY, digits);
    return true;
  } catch {
    return false;
  }
}

export function forgetNumber(): void {
  try {
    localStorage.removeItem(NUMBER_KEY);
  } catch {
    // Nothing was stored.
  }
}
