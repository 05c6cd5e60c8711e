import { localizedPath } from './urls';
import type { Locale } from './locales';

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
export function queryTerms(query: string): string[] {
  const words = normalizeQuery(query).split(' ').flatMap((piece) => {
    if (!HAN.test(piece) || typeof Intl.Segmenter !== 'function') return [piece];
    return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(piece)].filter((s) => s.isWordLike).map((s) => s.segment);
  });
  return [...new Set(words.map(bareWord).filter((w) => w && !ZH_PARTICLES.has(w)))];
}

/** Words that say nothing about which page is meant; left out when a query is matched word by word. */
const STOP_WORDS = new Set([
  ...'a an and are at be by can do does for from get how i in is it my me of on or that the this to what when where which who why will with without you your'.split(' '),
  ...'怎么 怎么办 办 怎样 如何 什么 为什么 哪里 哪儿 可以 能 要 吗 呢 吧 我 我的 你 是 在 和 或'.split(' '),
]);

/**
 * The words of a query worth matching one by one when no page has all of them ("top up without bank account",
 * "流量用完了": Pagefind requires every word, and segments Chinese its own way).
 */
export function significantTerms(query: string): string[] {
  return queryTerms(query).filter((t) => !STOP_WORDS.has(t));
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
  /** 1 when two different query words stand next to each other (at most one word between), as in the query. */
  together: number;
  /** Summed weight of the matches (headings weigh more). */
  weight: number;
}

/**
 * How a section answers a query. Only matches of the query's significant words count (not "how" or "怎么",
 * which the whole-query search may also have matched).
 */
function relevance(sub: SubResult, words: readonly string[], terms: readonly string[]): Relevance {
  const covered = new Set<string>();
  let weight = 0;
  let together = 0;
  let previous: { location: number; terms: string[] } | undefined;
  const sorted = [...sub.weighted_locations].sort((a, b) => a.location - b.location);
  for (const { location, balanced_score } of sorted) {
    const word = bareWord(words[location] ?? '');
    const hits = word && !STOP_WORDS.has(word) && !ZH_PARTICLES.has(word) ? termsOf(word, terms) : [];
    if (terms.length && !hits.length) continue;
    for (const t of hits) covered.add(t);
    weight += balanced_score;
    if (previous && location - previous.location <= 2 && hits.some((t) => !previous?.terms.includes(t))) together = 1;
    previous = { location, terms: hits };
  }
  return { covered: covered.size, together, weight };
}

/**
 * Sections of a page, best first. Pagefind lists sub-results in page order. We prefer the section that has most
 * of the query's words ("no sms" → the section with both, not one with "not"), then the one where they stand
 * together as in the query ("充错号码"), then the greater weight of matching words (headings count more)
 * relative to the section's length, so a query that names a step ("pay in cash") finds that short step rather
 * than a long section that happens to use the same words. Ties keep page order.
 */
export function rankSections(data: ResultData, query: string): SubResult[] {
  const words = contentWords(data);
  const terms = significantTerms(query);
  const scored = data.sub_results.map((sub, order) => {
    const { covered, together, weight } = relevance(sub, words, terms);
    return { sub, order, covered, together, score: weight / Math.sqrt(Math.max(sectionLength(sub, data), 5)) };
  });
  return scored
    .sort((a, b) => b.covered - a.covered || b.together - a.together || b.score - a.score || a.order - b.order)
    .map((s) => s.sub);
}

/** The page's hidden search keywords (guide frontmatter `keywords`, indexed as Pagefind metadata). */
function keywordsOf(data: ResultData): string[] {
  return (data.meta['keywords'] ?? '').split(',').map(bareWord).filter(Boolean);
}

/**
 * A page result as shown: its title and its best sections (at most `max`). When the query is one of the page's
 * keywords ("续费", "recharge"), the page as a whole answers it, so the start of the page comes first. A page
 * matched only through keywords has no sub-results; it is shown with its opening excerpt.
 */
export function toPageHit(data: ResultData, query: string, max: number): PageHit {
  const title = data.meta['title'] ?? data.url;
  const q = bareWord(normalizeQuery(query));
  const ranked = rankSections(data, query);
  const start = ranked.find((sub) => !sub.anchor);
  const byKeyword = q !== '' && keywordsOf(data).some((k) => k === q);
  const ordered = byKeyword ? [start ?? { url: data.url, excerpt: data.excerpt }, ...ranked.filter((s) => s !== start)] : ranked;
  const sections: Section[] = ordered
    .slice(0, Math.max(1, max))
    .map((sub) => ({ url: sub.url, title: 'anchor' in sub && sub.anchor ? sub.title : undefined, excerpt: sub.excerpt }));
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

/**
 * Pagefind's excerpt is entity-encoded text with `<mark>` around matches. Split it into plain-text parts, each
 * marked or not, so the UI can build text nodes and `<mark>` elements: nothing else in it is ever treated as
 * HTML, whatever the page text or the query contained. Marks separated only by spaces become one ("pay in
 * cash"), punctuation left over at the start of a cut excerpt ("…，在柜台") is dropped, and the ". " Pagefind
 * adds after a Chinese heading becomes "。".
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const raw: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    // Pagefind ends a heading or list item with ". "; after Chinese that is the full stop "。".
    else if (piece) raw.push({ text: decodeEntities(piece).replace(/(\p{Script=Han})\. ?/gu, '$1。'), mark });
  }
  const parts: ExcerptPart[] = [];
  raw.forEach((part, i) => {
    const between = !part.mark && /^\s+$/.test(part.text) && raw[i - 1]?.mark && raw[i + 1]?.mark;
    const current = between ? { ...part, mark: true } : part;
    const last = parts[parts.length - 1];
    if (last && last.mark === current.mark) last.text += current.text;
    else parts.push({ ...current });
  });
  const first = parts[0];
  if (first && !first.mark) first.text = first.text.replace(/^…[\s\p{P}]+/u, '…');
  return parts;
}

/** The translated sentences of the search UI (built by src/components/search-messages.ts). */
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
