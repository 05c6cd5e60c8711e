/**
 * Digits as readers actually type them. A Chinese keyboard may give full-width digits (０３００), an Urdu one
 * Eastern Arabic-Indic digits (۰۳۰۰), an Arabic one Arabic-Indic digits (٠٣٠٠); numbers pasted from chats often
 * carry invisible direction marks. All of these become plain ASCII here, before anything is validated.
 */

/** The first code point of each run of ten digits that we read as 0–9. */
const DIGIT_ZEROS = [
  0xff10, // full-width ０–９
  0x0660, // Arabic-Indic ٠–٩
  0x06f0, // Extended (Eastern) Arabic-Indic, used for Urdu: ۰–۹
  0x0966, // Devanagari ०–९ (an Indian keyboard)
];

/** Direction marks and isolates that copy-paste drags along (LRM, RLM, ALM, LRE…PDF, LRI…PDI), and BOM/ZWSP. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;

/** Map every digit form above to ASCII 0–9, full-width + to +, and drop invisible marks. Other text is kept. */
export function asciiDigits(input: string): string {
  let out = '';
  for (const char of input.replace(INVISIBLE, '')) {
    const code = char.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    if (zero !== undefined) out += String(code - zero);
    else if (char === '\uff0b') out += '+';
    else out += char;
  }
  return out;
}

/** `1000` → `1,000`: thousands grouped with commas, as on Pakistani price tags and receipts. */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`groupThousands: ${n} is not a whole, non-negative number`);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
