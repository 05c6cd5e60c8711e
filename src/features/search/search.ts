import { localizedPath } from '../../core/urls';
import type { Locale } from '../../core/locales';

/**
 * Pure logic of the search UI: what a query becomes (its words and phrases), how a search URL looks, how the
 * sections Pagefind finds for each word are ranked and grouped by page, and how Pagefind's highlighted excerpt is
 * split into text and marks (so the browser code never has to insert HTML). README "Search" explains the ranking
 * and why each part of it stays.
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

/** The parts of Pagefind's result data (pagefind.js `data()`) we use. */
export interface ResultData {
  /** A record's URL: the page (`/en/tips/`), or with section records a section (`/en/tips/#tax`; sectionRecords). */
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  anchors: { id: string; text?: string }[];
  /** The parts of the section with matches: the section itself (its heading) and its steps. */
  sub_results: { url: string; title: string; excerpt: string }[];
}

/** One section of a page that matches, ready to show. */
export interface Section {
  url: string;
  /** The heading; `undefined` for the start of the page (before the first heading). */
  title: string | undefined;
  excerpt: string;
}

export interface PageHit {
  url: string;
  title: string;
  sections: Section[];
}

/**
 * Chinese question words and particles (怎么, 吗, 了…), cut out of a query before it is split into words: every
 * section has them, and the browser's word splitting of them is unpredictable ("要带护照吗" → 要带 | 护照).
 */
const ZH_STOP =
  /怎么办|怎么样|怎么|怎样|如何|为什么|什么|在哪里|在哪儿|在哪|哪里|哪儿|有哪些|哪些|还是|可以|需要|请问|是不是|能不能|吗|呢|吧|啊|呀|了|的|我的|我|你/g;

/**
 * English function words (my, the, how…), dropped from a query like the Chinese ones: Pagefind keeps every word,
 * and a rare one ("my" in one keyword) would otherwise outweigh the words that say what the reader wants.
 * Negations stay ("no data", "not working").
 */
const EN_STOP = new Set(
  'a an the i me my you your we our it its is are am was were be been do does did can could should would will how what why where when who this that these those to of in on for at by with from and or if so about there'.split(
    ' ',
  ),
);

let segmenter: Intl.Segmenter | undefined;

/**
 * A text's words and what stands between them, as the browser splits words (Chinese too, as pagefind.js does).
 * A browser without `Intl.Segmenter` (Firefox before 125) gets each Chinese character and each run of letters or
 * digits as a word: Pagefind matches a word's start, so 充 still finds 充值, and search works, less well.
 */
function segments(text: string): { segment: string; isWordLike?: boolean }[] {
  if (typeof Intl.Segmenter !== 'function')
    return (text.match(/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+|[^\p{L}\p{N}]+/gu) ?? []).map((segment) => ({
      segment,
      isWordLike: /[\p{L}\p{N}]/u.test(segment),
    }));
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)];
}

/**
 * The words of a query in order: lower case, split as the browser splits words (`segments`), `null` where a stop
 * word or punctuation stood.
 */
function queryWords(query: string): (string | null)[] {
  const text = normalizeQuery(query).toLowerCase().replace(ZH_STOP, '|');
  // Latin words keep their hyphens ("e-sim", "top-up": Pagefind indexes them whole, and their parts).
  return text.split(/(\p{Script=Latin}[\p{Script=Latin}\d]*(?:-[\p{Script=Latin}\d]+)+)/u).flatMap((part, i) =>
    i % 2
      ? [part]
      : segments(part)
          .filter((s) => s.isWordLike || !/^\s+$/.test(s.segment))
          .map((s) => (s.isWordLike && !EN_STOP.has(s.segment) ? s.segment : null)),
  );
}

/** The words of a text as search splits a query, in order (keywords are indexed the same way: search-index.ts). */
export function searchWords(text: string): string[] {
  return queryWords(text).filter((w): w is string => w !== null);
}

/** The words of a query to search for, each on its own. */
export function queryTerms(query: string): string[] {
  return [...new Set(searchWords(query))];
}

/** Pairs of words that stand next to each other in the query ("scratch card", "充值 卡"), searched as phrases. */
export function queryPhrases(query: string): string[] {
  const words = queryWords(query);
  return [...new Set(words.slice(1).flatMap((w, i) => (w && words[i] ? [`${words[i]} ${w}`] : [])))];
}

/**
 * The Pagefind filter naming each search record's page (`/en/tips/`; search-index.ts writes it). The browser reads
 * it once, before any result fragment (client/engine.ts), and so fetches only the fragments of the sections it
 * shows.
 */
export const PAGE_FILTER = 'page';

/**
 * The metadata field of lesser keywords (`~` before a guide keyword: search-index.ts), weighed like a word of the
 * text where a keyword weighs 3 (client/engine.ts).
 */
export const LESSER_KEYWORDS_META = 'lesser';

/** One section record found for one word or phrase of the query, with its score. */
export interface Found<T> {
  id: string;
  score: number;
  result: T;
}

/**
 * Pagefind requires every word of a query in a record, and readers type questions. So each word (and each pair
 * of adjacent words, as a phrase) is searched on its own and a section's scores are added up: BM25 over the
 * query's words, as Pagefind scores each. Best first; each section keeps the result of its best-scoring word or
 * phrase (its excerpt marks that).
 */
export function rankFound<T>(byTerm: readonly (readonly Found<T>[])[]): T[] {
  const all = new Map<string, { total: number; best: number; result: T }>();
  for (const found of byTerm) {
    for (const f of found) {
      const entry = all.get(f.id) ?? { total: 0, best: -1, result: f.result };
      entry.total += f.score;
      if (f.score > entry.best) [entry.best, entry.result] = [f.score, f.result];
      all.set(f.id, entry);
    }
  }
  return [...all.values()].sort((a, b) => b.total - a.total).map((e) => e.result);
}

/** Sections grouped by page, pages in the order of their best section; at most `max` sections per page. */
export function groupByPage(sections: readonly ResultData[], max: number): PageHit[] {
  const pages = new Map<string, PageHit>();
  for (const data of sections) {
    const [url, id] = data.url.split('#') as [string, string | undefined];
    const page = pages.get(url) ?? { url, title: data.meta['title'] ?? url, sections: [] };
    pages.set(url, page);
    if (page.sections.length >= max) continue;
    // Its parts with a match, in page order, as Pagefind gives them (ordering them by Pagefind's weights instead
    // lowered held-out accuracy: README "Search").
    const parts = data.sub_results;
    if (!id && parts.length) {
      // A page start, or a page indexed whole: its parts (the lead, a heading's section or a step).
      for (const part of parts.slice(0, max - page.sections.length))
        page.sections.push({
          url: part.url,
          title: part.url.includes('#') ? part.title : undefined,
          excerpt: part.excerpt,
        });
      continue;
    }
    // A section: its step is linked when the first match is in it ("pay in cash": the step where you pay).
    const step = parts[0];
    if (step && /#step-/.test(step.url))
      page.sections.push({ url: step.url, title: step.title, excerpt: step.excerpt });
    else
      page.sections.push({
        url: data.url,
        title: id ? data.anchors.find((a) => a.id === id)?.text?.trim() : undefined,
        excerpt: data.excerpt,
      });
  }
  return [...pages.values()];
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
