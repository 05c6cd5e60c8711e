import { parse } from 'yaml';

/**
 * The Urdu/English phrases of the shopkeeper card, read from content/data/shopkeeper-phrases.yaml and checked,
 * so a typo in the data (a missing phrase, a lost `{amount}`, Eastern digits, Latin letters in the Urdu) fails
 * the build naming the file and the field instead of showing a broken card at a shop counter.
 */
export const PHRASES_FILE = 'content/data/shopkeeper-phrases.yaml';

/** Each phrase id and the placeholders it must contain, in both languages. */
export const PHRASE_SLOTS = {
  greeting: [],
  'request-load': ['amount'],
  'request-bundle': ['amount'],
  'after-check': [],
  'after-receipt': [],
  thanks: [],
} as const satisfies Record<string, readonly PhraseSlot[]>;

export type PhraseSlot = 'amount';
export type PhraseId = keyof typeof PHRASE_SLOTS;
export const PHRASE_IDS = Object.keys(PHRASE_SLOTS) as PhraseId[];

export interface Phrase {
  /** Urdu, in Arabic script with Western digits; shown right to left. */
  ur: string;
  /** The English shown on the card under the Urdu. */
  en: string;
  /** A literal English meaning of the Urdu, for reviewers. Never shown on the page. */
  meaning: string;
}

export type ReviewStatus = 'needs-native-review' | 'reviewed';

export interface ShopkeeperPhrases {
  review: { status: ReviewStatus; reviewer?: string; date?: string };
  phrases: Record<PhraseId, Phrase>;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** Arabic-Indic and Eastern Arabic-Indic digits: the card uses Western 0–9 throughout. */
const NON_WESTERN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Everything wrong with the parsed data, each as `field: problem`; empty when it is valid. */
export function phraseProblems(data: unknown): string[] {
  if (!isRecord(data)) return ['the file must be a mapping with `review` and `phrases`'];
  const problems: string[] = [];

  const review = data['review'];
  if (!isRecord(review)) {
    problems.push('review: missing; write `review: { status: needs-native-review }`');
  } else if (review['status'] !== 'needs-native-review' && review['status'] !== 'reviewed') {
    problems.push(`review.status: must be needs-native-review or reviewed, not ${JSON.stringify(review['status'])}`);
  } else if (review['status'] === 'reviewed') {
    if (typeof review['reviewer'] !== 'string' || review['reviewer'].trim() === '')
      problems.push('review.reviewer: say who reviewed the Urdu');
    if (typeof review['date'] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(review['date']))
      problems.push('review.date: write the review date as YYYY-MM-DD (in quotes)');
  }

  const phrases = data['phrases'];
  if (!isRecord(phrases)) return [...problems, 'phrases: missing; it maps each phrase id to its ur, en and meaning'];
  for (const id of Object.keys(phrases)) {
    if (!(id in PHRASE_SLOTS))
      problems.push(`phrases.${id}: unknown phrase id; the card uses ${PHRASE_IDS.join(', ')}`);
  }
  for (const id of PHRASE_IDS) {
    const phrase = phrases[id];
    if (!isRecord(phrase)) {
      problems.push(`phrases.${id}: missing`);
      continue;
    }
    for (const field of ['ur', 'en', 'meaning'] as const) {
      const value = phrase[field];
      if (typeof value !== 'string' || value.trim() === '') problems.push(`phrases.${id}.${field}: missing or empty`);
    }
    const { ur, en } = phrase;
    if (typeof ur === 'string') {
      const text = ur.replace(PLACEHOLDER, '');
      if (!ARABIC_LETTER.test(text)) problems.push(`phrases.${id}.ur: must be written in Urdu script`);
      if (/[A-Za-z]/.test(text))
        problems.push(`phrases.${id}.ur: contains Latin letters; write the Urdu word (e.g. میسج, not SMS)`);
      if (NON_WESTERN_DIGIT.test(text))
        problems.push(`phrases.${id}.ur: use Western digits 0-9, as Pakistani phones and receipts do`);
    }
    if (typeof en === 'string' && ARABIC_LETTER.test(en)) problems.push(`phrases.${id}.en: contains Urdu script`);
    const expected = [...PHRASE_SLOTS[id]].sort().join(', ');
    for (const field of ['ur', 'en', 'meaning'] as const) {
      const value = phrase[field];
      if (typeof value !== 'string') continue;
      const found = placeholders(value).sort().join(', ');
      if (found !== expected) {
        problems.push(
          `phrases.${id}.${field}: ${expected ? `must contain {${expected}} exactly once` : 'must not contain placeholders'}${found ? ` (found {${found}})` : ''}`,
        );
      }
    }
  }
  return problems;
}

/** Parse and check the phrase file; throws one message naming the file and every bad field. */
export function parsePhrases(source: string, file = PHRASES_FILE): ShopkeeperPhrases {
  let data: unknown;
  try {
    data = parse(source);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const problems = phraseProblems(data);
  if (problems.length) throw new Error(`${file}: the shopkeeper phrases are not valid:\n  ${problems.join('\n  ')}`);
  return data as ShopkeeperPhrases;
}
