import { z } from 'astro/zod';

/**
 * The Urdu/English phrases of the shopkeeper card: the schema of content/data/shopkeeper-phrases.yaml (a content
 * collection, see src/content.config.ts), so a typo in the data (a missing phrase, a lost `{amount}`, Eastern
 * digits, Latin letters in the Urdu) fails the build naming the file and the field instead of showing a broken card
 * at a shop counter.
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

const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** Arabic-Indic and Eastern Arabic-Indic digits: the card uses Western 0–9 throughout. */
const NON_WESTERN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** A text field: present and not blank (the value is kept as written). */
const text = z.string({ error: 'missing or empty' }).refine((value) => value.trim() !== '', 'missing or empty');

/** One phrase: Urdu in Urdu script with Western digits, English without Urdu, and exactly the placeholders it needs. */
function phrase(id: PhraseId) {
  const expected = [...PHRASE_SLOTS[id]].sort().join(', ');
  return z
    .strictObject(
      { ur: text, en: text, meaning: text },
      { error: (issue) => (issue.input === undefined ? 'missing' : undefined) },
    )
    .superRefine(
      (value, ctx) => {
        const problem = (field: keyof Phrase, message: string) =>
          ctx.addIssue({ code: 'custom', path: [field], message });
        // Checked even when another field failed, so every problem is reported at once.
        if (typeof value !== 'object' || value === null) return;
        const { ur, en } = value as Partial<Phrase>;
        if (typeof ur === 'string') {
          const urdu = ur.replace(PLACEHOLDER, '');
          if (!ARABIC_LETTER.test(urdu)) problem('ur', 'must be written in Urdu script');
          if (/[A-Za-z]/.test(urdu)) problem('ur', 'contains Latin letters; write the Urdu word (e.g. میسج, not SMS)');
          if (NON_WESTERN_DIGIT.test(urdu))
            problem('ur', 'use Western digits 0-9, as Pakistani phones and receipts do');
        }
        if (typeof en === 'string' && ARABIC_LETTER.test(en)) problem('en', 'contains Urdu script');
        for (const field of ['ur', 'en', 'meaning'] as const) {
          const written = (value as Partial<Phrase>)[field];
          if (typeof written !== 'string') continue;
          const found = placeholders(written).sort().join(', ');
          if (found !== expected) {
            const rule = expected ? `must contain {${expected}} exactly once` : 'must not contain placeholders';
            problem(field, `${rule}${found ? ` (found {${found}})` : ''}`);
          }
        }
      },
      { when: () => true },
    );
}

const review = z
  .object(
    {
      status: z.enum(['needs-native-review', 'reviewed'], {
        error: (issue) => `must be needs-native-review or reviewed, not ${JSON.stringify(issue.input)}`,
      }),
      reviewer: z.string().optional(),
      date: z.string().optional(),
    },
    { error: 'missing; write `review: { status: needs-native-review }`' },
  )
  .superRefine((value, ctx) => {
    if (value.status !== 'reviewed') return;
    if (!value.reviewer?.trim())
      ctx.addIssue({ code: 'custom', path: ['reviewer'], message: 'say who reviewed the Urdu' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date ?? ''))
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'write the review date as YYYY-MM-DD (in quotes)' });
  });

/** The schema of content/data/shopkeeper-phrases.yaml. */
export const phrasesSchema = z.strictObject({
  review,
  phrases: z.strictObject(
    Object.fromEntries(PHRASE_IDS.map((id) => [id, phrase(id)])) as Record<PhraseId, ReturnType<typeof phrase>>,
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown phrase id ${issue.keys.join(', ')}; the card uses ${PHRASE_IDS.join(', ')}`
          : issue.input === undefined
            ? 'missing; it maps each phrase id to its ur, en and meaning'
            : undefined,
    },
  ),
});

export type ShopkeeperPhrases = z.output<typeof phrasesSchema>;
