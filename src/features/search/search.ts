import { localizedPath } from '../../core/urls';
import type { Locale } from '../../core/locales';

/**
 * Pure logic of the search UI: what a query becomes, how a search URL looks, which sections of a page answer a
 * query best, and how Pagefind's highlighted excerpt is split into text and marks (so the browser code never
 * has to insert HTML). The shapes below are the parts of Pagefind's result data (pagefind.js `data()`) we use.
 */

/** Longer queries are cut: nobody types more, and a 10,000-character URL must not slow the page down. */
export const MAX_QUERY_LENGTH = 100;

/** Trim, collapse whitespace and cut to MAX_QUERY_LENGTH characters (never halfway through an emoji). */
export function normalizeQuery(raw: string | null | undefined): string {
  const collapsed = (raw ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  return chars.length > MAX_QUERY_LENGTH ? chars.slice(0, MAX_QUERY_LENGTH).join('').trim() : collapsed;
}

/** `/zh/search/?q=%E5%85%85%E5%80%BC`: the search page in one language, with the query as its state. */
export function searchPath(locale: Locale, query = ''): string {
  const q = normalizeQuery(query);
  return q ? `${localizedPath(locale, 'search')}?${new URLSearchParams({ q })}` : localizedPath(locale, 'search');
}

/** The query of a search URL (`location.search`), normalized. */
export function queryOf(search: string): string {
  return normalizeQuery(new URLSearchParams(search).get('q'));
}

export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface Anchor {
  element: string;
  id: string;
  text?: string;
  title?: string;
  location: number;
}

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: Anchor;
  locations: number[];
  weighted_locations: WeightedLocation[];
}

export interface ResultData {
  url: string;
  excerpt: string;
  /** The indexed text; `locations` count its words (split at zero-width spaces where Pagefind segmented it). */
  raw_content?: string;
  content: string;
  word_count: number;
  meta: Record<string, string | undefined>;
  anchors: Anchor[];
  sub_results: SubResult[];
}

/** One section of a page that matches, ready to show. */
export interface Section {
  url: string;
  /** The heading or step label; `undefined` for the start of the page (before the first heading). */
  title: string | undefined;
  excerpt: string;
}

export interface PageHit {
  url: string;
  title: string;
  sections: Section[];
}

/** Anchors that start a sub-result in Pagefind: headings with text, and elements with data-pagefind-title. */
function startsSection(anchor: Anchor): boolean {
  return Boolean(anchor.title?.trim()) || (/^h\d$/i.test(anchor.element) && Boolean(anchor.text?.trim()));
}

/** Words in the section a sub-result covers: from its anchor to the next section anchor (or the page end). */
function sectionLength(sub: SubResult, data: ResultData): number {
  const start = sub.anchor?.location ?? 0;
  const next = data.anchors
    .filter(startsSection)
    .map((a) => a.location)
    .filter((location) => location > start)
    .sort((a, b) => a - b)[0];
  return (next ?? data.word_count) - start;
}

/** A word as matched: lower case, without punctuation around it. */
function bareWord(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const HAN = /\p{Script=Han}/u;
/** Chinese particles that match almost every section and say nothing about which one is meant. */
const ZH_PARTICLES = new Set(['了', '的', '吗', '呢', '吧', '啊', '呀', '着', '过', '地', '得']);

/**
 * The words of a query, for telling which of them a section contains. Chinese is written without spaces, so
 * Chinese runs are split into words (as Pagefind does) where the browser can (Intl.Segmenter).
 */
let segmenter: Intl.Segmenter | undefined;

export function queryTerms(query: string): string[] {
  const words = normalizeQuery(query)
    .split(' ')
    .flatMap((piece) => {
      if (!HAN.test(piece) || typeof Intl.Segmenter !== 'function') return [piece];
      segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      return [...segmenter.segment(piece)].filter((s) => s.isWordLike).map((s) => s.segment);
    });
  return [...new Set(words.map(bareWord).filter((w) => w && !ZH_PARTICLES.has(w)))];
}

/** Words that say nothing about which page is meant; left out when a query is matched word by word. */
const STOP_WORDS = new Set([
  ...'a about am an and any are as at be by can could do does for from get had has have how i if in into is it its just me my need of on or our please should so still than that the them then there they this to us use using want was we were what when where which who why will with without would you your'.split(
    ' ',
  ),
  ...'怎么 怎么办 办 怎样 如何 什么 为什么 哪里 哪儿 可以 能 要 需要 带 用 吗 呢 吧 我 我的 你 是 在 和 或'.split(' '),
]);

/**
 * The site's everyday words for topping up. Every page uses them, so next to other words they say nothing about
 * which page is meant ("top up without bank account" is about the bank account, "充值 护照" about the passport).
 * Alone they ask what the home page answers (its keywords, `search.homeKeywords`). Chinese ones are phrases, cut
 * out of the query before it is split into words: the browser splits 充值 into 充 and 值, as Pagefind does.
 */
const GENERIC_WORDS = new Set('top up topup top-up recharge recharging reload load loading renew'.split(' '));
const GENERIC_PHRASES = ['充话费', '充流量', '买流量', '充值', '续费', '缴费', '话费'];

/** A Chinese generic phrase, with a modal verb before it ("取款机能充值吗": 能 would join 机 into 机能). */
const GENERIC_HAN = new RegExp(`[能要会想]?(?:${GENERIC_PHRASES.join('|')})`, 'g');

function withoutGeneric(query: string): string {
  return query
    .replace(GENERIC_HAN, ' ')
    .split(/\s+/)
    .filter((w) => !GENERIC_WORDS.has(bareWord(w)))
    .join(' ');
}

/**
 * Chinese question words, cut out before a query is split into words: the browser's dictionary splits them
 * unpredictably ("要带护照吗" → 要带 | 护照). Single characters are left to STOP_WORDS, after splitting.
 */
const ZH_STOP_PHRASES = [
  '怎么办',
  '怎么样',
  '怎么',
  '怎样',
  '如何',
  '为什么',
  '什么',
  '哪里',
  '哪儿',
  '可以',
  '需要',
  '要带',
  '请问',
];

function withoutQuestionWords(query: string): string {
  let rest = normalizeQuery(query).toLowerCase();
  for (const phrase of ZH_STOP_PHRASES) rest = rest.split(phrase).join(' ');
  return rest;
}

/**
 * The words of a query that tell pages and sections apart: no stop words ("how", "怎么"), and no generic words
 * ("top up", "充值") unless the query has nothing else. They are matched one by one when no page has all the
 * words of a query ("top up without bank account", "流量用完了": Pagefind requires every word, and segments
 * Chinese its own way).
 */
export function significantTerms(query: string): string[] {
  const significant = (q: string) => queryTerms(q).filter((t) => !STOP_WORDS.has(t));
  const asked = withoutQuestionWords(query);
  const specific = significant(withoutGeneric(asked));
  return specific.length ? specific : significant(asked);
}

const keys = new Map<string, string>();

/**
 * What a query or keyword asks for, for comparing them: its significant words, in any order. "How to top up
 * without a bank account", "without bank account" and "bank account" all ask for "account bank".
 */
export function queryKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = [...new Set(significantTerms(text))].sort().join(' ');
    // Keywords come back with every search: remember them (a few hundred short strings at most).
    if (keys.size < 2000) keys.set(text, key);
  }
  return key;
}

export interface ScoredResult {
  id: string;
  score: number;
}

/**
 * The pages to show, in order: every page with the whole query, in Pagefind's order; then pages with only some
 * of its words, those with the most words first, then by their summed score.
 */
export function mergeResults(whole: readonly ScoredResult[], byTerm: readonly (readonly ScoredResult[])[]): string[] {
  const ids = whole.map((r) => r.id);
  const seen = new Set(ids);
  const partial = new Map<string, { words: number; score: number }>();
  for (const results of byTerm) {
    for (const r of results) {
      if (seen.has(r.id)) continue;
      const entry = partial.get(r.id) ?? { words: 0, score: 0 };
      entry.words += 1;
      entry.score += r.score;
      partial.set(r.id, entry);
    }
  }
  const rest = [...partial].sort(([, a], [, b]) => b.words - a.words || b.score - a.score).map(([id]) => id);
  return [...ids, ...rest];
}

function contentWords(data: ResultData): string[] {
  const text = data.raw_content ?? data.content;
  return text.includes('\u200b') ? text.split('\u200b') : text.split(/\s+/);
}

/** The query words a matched word stands for: those it extends or contains ("paying" → "pay", "也没有" → "没有"). */
function termsOf(word: string, terms: readonly string[]): string[] {
  return terms.filter((t) => word.includes(t) || t.includes(word));
}

interface Relevance {
  /** Different words of the query found in the section. */
  covered: number;
  /** Different words of the query found in its heading (or, for the page start, the page title). */
  named: number;
  /**
   * How closely those words stand together: 0 as in a phrase (at most one other word among them), 1 with two or
   * three others among them, 2 within a sentence or so, 3 further apart. A single word counts as a phrase.
   */
  spread: number;
  /** Summed weight of the matches (headings weigh more). */
  weight: number;
}

/** The shortest run of locations that holds every covered word, as a spread class (see Relevance). */
function spreadOf(hits: readonly { location: number; terms: readonly string[] }[], covered: number): number {
  if (covered <= 1) return 0;
  let shortest = Infinity;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length; j++) {
      for (const t of hits[j]!.terms) seen.add(t);
      if (seen.size === covered) {
        shortest = Math.min(shortest, hits[j]!.location - hits[i]!.location + 1);
        break;
      }
    }
  }
  const extra = shortest - covered;
  return extra <= 1 ? 0 : extra <= 3 ? 1 : extra <= 8 ? 2 : 3;
}

/**
 * How a section answers a query. Only matches of the query's significant words count (not "how" or "怎么",
 * which the whole-query search may also have matched).
 */
function relevance(sub: SubResult, words: readonly string[], terms: readonly string[]): Relevance {
  const covered = new Set<string>();
  const named = new Set<string>();
  const hits: { location: number; terms: string[] }[] = [];
  let weight = 0;
  const sorted = [...sub.weighted_locations].sort((a, b) => a.location - b.location);
  for (const { location, weight: w, balanced_score } of sorted) {
    const word = bareWord(words[location] ?? '');
    const matched = word && !STOP_WORDS.has(word) && !ZH_PARTICLES.has(word) ? termsOf(word, terms) : [];
    if (terms.length && !matched.length) continue;
    for (const t of matched) covered.add(t);
    // Headings (and the page title) are the only text Pagefind weighs above 1 here.
    if (w > 1) for (const t of matched) named.add(t);
    weight += balanced_score;
    hits.push({ location, terms: matched });
  }
  return { covered: covered.size, named: named.size, spread: spreadOf(hits, covered.size), weight };
}

interface RankedSection {
  sub: SubResult;
  order: number;
  covered: number;
  named: number;
  spread: number;
  score: number;
}

function scoreSections(data: ResultData, query: string): RankedSection[] {
  const words = contentWords(data);
  const terms = significantTerms(query);
  return data.sub_results
    .map((sub, order) => {
      const { covered, named, spread, weight } = relevance(sub, words, terms);
      return { sub, order, covered, named, spread, score: weight / Math.sqrt(Math.max(sectionLength(sub, data), 5)) };
    })
    .sort(
      (a, b) =>
        b.covered - a.covered || b.named - a.named || a.spread - b.spread || b.score - a.score || a.order - b.order,
    );
}

/**
 * Sections of a page, best first. Pagefind lists sub-results in page order. We prefer the section that has most
 * of the query's words ("no sms" → the section with both, not one with "not"), then the one whose heading names
 * most of them ("Telenor merger" → "Telenor and Ufone"), then the one where they stand closest together, as in
 * the query ("外国人办卡" → "外国人办 SIM 卡", not a section with 外国人 in one sentence
 * and 卡 in another), then the greater weight of matching words (headings count more) relative to the section's
 * length, so a query that names a step ("pay in cash") finds that short step rather than a long section that
 * happens to use the same words. Ties keep page order.
 */
export function rankSections(data: ResultData, query: string): SubResult[] {
  return scoreSections(data, query).map((s) => s.sub);
}

/** A candidate page: its data, and whether Pagefind found every word of the query on it. */
export interface Candidate<T extends ResultData = ResultData> {
  data: T;
  whole: boolean;
}

/**
 * The order pages are shown in. First the query's best bet (isBestBet). Then pages with every word of the query
 * before pages with only some; within each, the page whose best section has more of the query's words, named in
 * its heading, closer together ("银行卡付不了" → the section that says so, not one about a bank card somewhere and
 * paying elsewhere);
 * ties keep the order given (Pagefind's ranking, then mergeResults).
 */
export function orderPages<T extends ResultData>(candidates: readonly Candidate<T>[], query: string): T[] {
  return candidates
    .map((c, order) => {
      const best = scoreSections(c.data, query)[0];
      const bet = isBestBet(c.data, query);
      return { c, order, bet, covered: best?.covered ?? 0, named: best?.named ?? 0, spread: best?.spread ?? 3 };
    })
    .sort(
      (a, b) =>
        Number(b.bet) - Number(a.bet) ||
        Number(b.c.whole) - Number(a.c.whole) ||
        b.covered - a.covered ||
        b.named - a.named ||
        a.spread - b.spread ||
        a.order - b.order,
    )
    .map((p) => p.c.data);
}

export interface Keyword {
  /** What readers type: "双卡", "jazz app". */
  text: string;
  /** The section that answers it, when one does (`双卡 (#two-at-once)`); otherwise the page as a whole. */
  anchor?: string;
}

/** A keyword as written in a guide's frontmatter: words, then optionally the section's id, `双卡 (#two-at-once)`. */
export function parseKeyword(written: string): Keyword {
  const match = /^(.*?)\s*\(#([a-z0-9-]+)\)$/.exec(written.trim());
  return match ? { text: match[1]!.trim(), anchor: match[2]! } : { text: written.trim() };
}

/** The page's hidden search keywords (guide frontmatter `keywords`, indexed as Pagefind metadata). */
function keywordsOf(data: ResultData): Keyword[] {
  return (data.meta['keywords'] ?? '')
    .split(',')
    .map(parseKeyword)
    .filter((k) => k.text);
}

/** The page's keyword that makes it the best bet for a query, if any (see isBestBet). */
function bestBetKeyword(data: ResultData, query: string): Keyword | undefined {
  const key = queryKey(query);
  return key ? keywordsOf(data).find((k) => queryKey(k.text) === key) : undefined;
}

/**
 * Whether the page is the best bet for a query: the query asks for what one of its keywords says ("没有流量了",
 * "jazz app", "top up without a bank account" for the keyword "without bank account"). A keyword is listed by
 * one page of a language only (the search-index build step checks), so a best bet is never a coin toss.
 */
export function isBestBet(data: ResultData, query: string): boolean {
  return bestBetKeyword(data, query) !== undefined;
}

/** How many words a made-up excerpt has (Pagefind's own excerpts are set in src/features/search/client/engine.ts). */
const EXCERPT_WORDS = 30;

/**
 * A section that a keyword points to but that holds none of the query's words, so Pagefind made no sub-result
 * for it: its link, its heading or step label, and its first words as the excerpt.
 */
function sectionAt(data: ResultData, id: string): Section | undefined {
  const anchor = data.anchors.find((a) => a.id === id);
  if (!anchor) return undefined;
  const start = anchor.location;
  const next = data.anchors
    .filter(startsSection)
    .map((a) => a.location)
    .filter((location) => location > start)
    .sort((a, b) => a - b)[0];
  const end = next ?? data.word_count;
  const words = contentWords(data).slice(start, Math.min(end, start + EXCERPT_WORDS));
  // Pagefind keeps a word's own trailing space where it splits Chinese at zero-width spaces.
  const text = (data.raw_content ?? data.content).includes('\u200b') ? words.join('') : words.join(' ');
  const cut = end > start + EXCERPT_WORDS;
  return {
    url: `${data.url}#${id}`,
    title: anchor.title?.trim() || anchor.text?.trim(),
    excerpt: `${text.trim()}${cut ? '…' : ''}`,
  };
}

/**
 * A page result as shown: its title and its best sections (at most `max`). When the page is the query's best
 * bet (one of its keywords), the section the keyword names comes first ("护照 (#what-you-need)"), or else the start
 * of the page: a keyword says what the page as a whole answers. A page matched only through keywords has no
 * sub-results; it is shown with its opening excerpt.
 */
export function toPageHit(data: ResultData, query: string, max: number): PageHit {
  const title = data.meta['title'] ?? data.url;
  const toSection = (sub: SubResult): Section => ({
    url: sub.url,
    title: sub.anchor ? sub.title : undefined,
    excerpt: sub.excerpt,
  });
  const ranked = rankSections(data, query).map(toSection);
  const keyword = bestBetKeyword(data, query);
  let sections = ranked;
  if (keyword) {
    const target = keyword.anchor ? `${data.url}#${keyword.anchor}` : data.url;
    const first = ranked.find((s) => s.url === target) ??
      (keyword.anchor ? sectionAt(data, keyword.anchor) : undefined) ?? {
        url: data.url,
        title: undefined,
        excerpt: data.excerpt,
      };
    sections = [first, ...ranked.filter((s) => s.url !== first.url)];
  }
  sections = sections.slice(0, Math.max(1, max));
  if (sections.length === 0) sections.push({ url: data.url, title: undefined, excerpt: data.excerpt });
  return { url: data.url, title, sections };
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Drop `count` characters from the start of the parts. */
function dropStart(parts: ExcerptPart[], count: number): ExcerptPart[] {
  let left = count;
  const kept: ExcerptPart[] = [];
  for (const part of parts) {
    if (left >= part.text.length) left -= part.text.length;
    else {
      kept.push({ ...part, text: part.text.slice(left) });
      left = 0;
    }
  }
  return kept;
}

/**
 * Pagefind's excerpt is entity-encoded text with `<mark>` around matches. Split it into plain-text parts, each
 * marked or not, so the UI can build text nodes and `<mark>` elements: nothing else in it is ever treated as
 * HTML, whatever the page text or the query contained. Marks separated only by spaces become one ("pay in
 * cash"), punctuation left over at the start of a cut excerpt ("…，在柜台") is dropped, and the ". " Pagefind
 * adds after a Chinese heading becomes "。". When the excerpt starts with `lead`, the heading or page title the
 * result already shows above it, that is dropped too ("Steps. These steps are…" → "These steps are…").
 */
export function excerptParts(excerpt: string, lead?: string): ExcerptPart[] {
  const raw: ExcerptPart[] = [];
  let mark = false;
  // Pagefind ends a heading or list item with ". "; after Chinese (marked or not) that is the full stop "。".
  const stops = excerpt.replace(/(\p{Script=Han})((?:<\/mark>)?)\. ?/giu, '$1$2。');
  for (const piece of stops.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else if (piece) raw.push({ text: decodeEntities(piece), mark });
  }
  let parts: ExcerptPart[] = [];
  raw.forEach((part, i) => {
    const between = !part.mark && /^\s+$/.test(part.text) && raw[i - 1]?.mark && raw[i + 1]?.mark;
    const current = between ? { ...part, mark: true } : part;
    const last = parts[parts.length - 1];
    if (last && last.mark === current.mark) last.text += current.text;
    else parts.push({ ...current });
  });
  const text = parts.map((p) => p.text).join('');
  const title = lead?.trim();
  if (title && text.startsWith(title)) {
    const after = /^[\s.。:：]*/u.exec(text.slice(title.length))?.[0].length ?? 0;
    if (title.length + after < text.length) parts = dropStart(parts, title.length + after);
  }
  const first = parts[0];
  if (first && !first.mark) first.text = first.text.replace(/^…[\s\p{P}]+/u, '…');
  return parts;
}

/** The translated sentences of the search UI (built by src/features/search/build/search-messages.ts). */
export interface SearchMessages {
  one: string;
  many: string;
  none: string;
  empty: string;
  unavailable: string;
  pageStart: string;
}

/** Fill `{query}` and `{n}` in a message, as plain text. A function replacement, so `$&` in a query stays literal. */
export function fillMessage(message: string, query: string, n = 0): string {
  return message.replace('{query}', () => query).replace('{n}', () => String(n));
}

/** "3 pages found for “jazz”." / "Nothing found for “jazz”. …" */
export function resultSummary(messages: SearchMessages, query: string, count: number): string {
  return fillMessage(count === 0 ? messages.none : count === 1 ? messages.one : messages.many, query, count);
}
