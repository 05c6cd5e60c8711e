import { formatPkMobile } from './pk-mobile';
import { formatRupees, type AmountLanguage } from './rupees';
import type { PhraseId, ShopkeeperPhrases } from './shopkeeper-phrases';

/**
 * What each shopkeeper card says, assembled from the phrase data: the lines, in order, each split into text
 * and the places where the number or the amount go. The page renders these lines once; the browser only fills
 * the slots, so the card reads the same with JavaScript (filled) and without it (blanks to write in).
 */

/** Card 1 asks for a load or a data bundle; card 2 is shown after paying. */
export const REQUEST_KINDS = ['load', 'bundle'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const CARD_IDS = ['load', 'bundle', 'after'] as const;
export type CardId = (typeof CARD_IDS)[number];

export type Slot = 'number' | 'amount';
export type Segment = string | { slot: Slot };
/** The languages on the card; the reader's own language (zh or en) explains it underneath. */
export type CardLanguage = 'ur' | 'en';
/** `main`: the request itself, in very large type; `aside`: greeting and thanks, smaller. */
export type LineSize = 'main' | 'aside';

export interface CardLine {
  phrase: PhraseId;
  size: LineSize;
  segments: Segment[];
}

/** The phrases of each card, top to bottom. The phone number is shown after them, on its own line. */
export const CARD_LINES: Record<CardId, readonly { phrase: PhraseId; size: LineSize }[]> = {
  load: [
    { phrase: 'greeting', size: 'aside' },
    { phrase: 'request-load', size: 'main' },
    { phrase: 'thanks', size: 'aside' },
  ],
  bundle: [
    { phrase: 'greeting', size: 'aside' },
    { phrase: 'request-bundle', size: 'main' },
    { phrase: 'thanks', size: 'aside' },
  ],
  after: [
    { phrase: 'after-check', size: 'main' },
    { phrase: 'after-receipt', size: 'main' },
    { phrase: 'thanks', size: 'aside' },
  ],
};

/** Split `Please put a {amount} load` into text and slots; a placeholder that is not allowed here throws. */
export function splitTemplate(template: string, allowed: readonly Slot[]): Segment[] {
  const segments: Segment[] = [];
  let rest = template;
  for (let match = /\{([^{}]*)\}/.exec(rest); match; match = /\{([^{}]*)\}/.exec(rest)) {
    const name = match[1] ?? '';
    if (!(allowed as readonly string[]).includes(name)) {
      throw new Error(
        `"${template}": unknown placeholder {${name}}; allowed here: ${allowed.map((s) => `{${s}}`).join(', ') || 'none'}`,
      );
    }
    if (match.index > 0) segments.push(rest.slice(0, match.index));
    segments.push({ slot: name as Slot });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) segments.push(rest);
  return segments;
}

/** The lines of one card in one language. */
export function cardLines(data: ShopkeeperPhrases, card: CardId, language: CardLanguage): CardLine[] {
  return CARD_LINES[card].map(({ phrase, size }) => ({
    phrase,
    size,
    segments: splitTemplate(data.phrases[phrase][language], ['amount']),
  }));
}

/** The two cards a reader shows, in order: the request, then the one for after paying. */
export function cardsFor(kind: RequestKind): [CardId, CardId] {
  return [kind, 'after'];
}

export interface CardValues {
  /** 11 national digits, as parsePkMobile returns them: 03001234567. */
  number: string;
  /** Whole rupees, as parseRupees returns them. */
  rupees: number;
}

/** The text of a slot in a language: the grouped number (the same everywhere) or the amount in that language. */
export function slotText(slot: Slot, language: AmountLanguage, values: CardValues): string {
  return slot === 'number' ? formatPkMobile(values.number) : formatRupees(values.rupees, language);
}

/** Segments with their slots filled, as plain text. */
export function fillSegments(segments: readonly Segment[], language: AmountLanguage, values: CardValues): string {
  return segments.map((s) => (typeof s === 'string' ? s : slotText(s.slot, language, values))).join('');
}

/** A whole card as plain text lines, per language: what the shopkeeper reads (the number comes last). */
export function cardText(data: ShopkeeperPhrases, card: CardId, values: CardValues): Record<CardLanguage, string[]> {
  const text = (language: CardLanguage) => [
    ...cardLines(data, card, language).map((line) => fillSegments(line.segments, language, values)),
    formatPkMobile(values.number),
  ];
  return { ur: text('ur'), en: text('en') };
}
