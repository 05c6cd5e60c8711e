import type { AnyNode } from 'domhandler';
import { elements, parseHtml, type HtmlDocument, type HtmlElement } from '../../core/html';
import { PAGEFIND_DECOMPRESSED } from '../../core/pagefind-bundle';
import { LESSER_KEYWORDS_META, PAGE_FILTER, searchWords } from './search';

/*
 * Build-time facts about the search index. Pagefind writes its bundle into dist/pagefind/ (PAGEFIND_DIR) and
 * describes it in pagefind-entry.json: one index per `<html lang>` value (lower-cased), each with its page count.
 */

/**
 * Pagefind's prebuilt UIs and highlighter, and its web worker (the engine runs with `noWorker`, see
 * client/engine.ts), which we do not use: removed from the bundle after writing it.
 */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

export type IndexedLanguages = Record<string, { hash?: string; wasm?: string | null; page_count: number }>;

/**
 * What is wrong with the languages Pagefind indexed, as one message; `undefined` when there is exactly one
 * non-empty index per site language. A missing `<html lang>` shows up as the language "unknown".
 */
export function describeIndexProblems(indexed: IndexedLanguages, expected: readonly string[]): string | undefined {
  const problems: string[] = [];
  for (const lang of expected) {
    const pages = indexed[lang]?.page_count ?? 0;
    if (pages === 0)
      problems.push(`no pages were indexed for "${lang}" (is data-pagefind-body on its guide and home content?)`);
  }
  for (const lang of Object.keys(indexed)) {
    if (!expected.includes(lang))
      problems.push(`pages were indexed under the unexpected language "${lang}" (check <html lang>)`);
  }
  return problems.length ? `The search index is not as expected:\n  ${problems.join('\n  ')}` : undefined;
}

/**
 * Keywords: other words readers use for what a page or a section covers (充值卡, recharge card, no data), written
 * in a guide's frontmatter. They are indexed as hidden Pagefind metadata (`data-pagefind-meta="keywords:…"`) on
 * the record of the section they name, or of the page start: never shown, weighted by Pagefind's `metaWeights`
 * (client/engine.ts). The inline meta syntax runs to the end of the attribute and Pagefind splits
 * captures on commas, so a keyword may not contain `,` `:` `[` `]`. A keyword written with `~` first (`~小店
 * (#steps)`) is a lesser keyword: a word readers may use, written for a section from the page alone, not a name
 * that should lead straight to it. It goes to its own field (`LESSER_KEYWORDS_META`), weighed like a word of the
 * text (README "Search": as keywords they lowered held-out accuracy; as lesser keywords they raised it).
 */
export const KEYWORD_PATTERN = /^[^,:[\]]+$/;
/**
 * `(#id)` only to name the section a keyword leads to, after its words: `双卡 (#two-at-once)` (in brackets, since a
 * bare ` #` starts a YAML comment).
 */
export const KEYWORD_ANCHOR = /^[^#()]*[^#()\s](?:\s*\(#[a-z][a-z0-9]*(?:-[a-z0-9]+)*\))?$/;
export const KEYWORDS_META_KEY = 'keywords';

export function keywordsMeta(keywords: readonly string[] | undefined): string | undefined {
  const clean = (keywords ?? []).map((k) => k.trim()).filter(Boolean);
  return clean.length ? `${KEYWORDS_META_KEY}:${clean.join(', ')}` : undefined;
}

/** A keyword list written as one string (a UI string): split at commas, Latin or Chinese. */
export function keywordList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/**
 * Keywords listed twice on one page (ignoring case, runs of spaces and `~`), for a clear content error. Spellings
 * that differ in spaces or hyphens ("Easy Load", "easyload", "easy-load") are not repeats here, although
 * `keywordKey` counts them as one keyword across pages: each is indexed as other words, for readers who type it so.
 */
export function repeatedKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const keyword of keywords) {
    const key = keyword.replace(/^~/, '').toLowerCase().replace(/\s+/g, ' ').trim();
    (seen.has(key) ? repeated : seen).add(key);
  }
  return [...repeated];
}

/**
 * Steps become search sub-results: Pagefind starts one at an element with an id and a `data-pagefind-title`.
 * Adds the title ("Step 3" in the page's language) to each `<li id="step-…">` of rendered `<Steps>` markup.
 */
export function titleSteps(html: string, label: (n: number) => string): string {
  let n = 0;
  return html.replace(
    /<li id="(step-[a-z0-9-]+)"/g,
    (whole) => `${whole} data-pagefind-title="${escapeAttribute(label(++n))}"`,
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A keyword as written in a guide's frontmatter: `~` for a lesser keyword, words, then optionally the section's id:
 * `双卡 (#two-at-once)`, `~小店 (#steps)`.
 */
export function parseKeyword(written: string): { text: string; anchor?: string; lesser: boolean } {
  const [, tilde, text, anchor] = /^(~?)\s*(.*?)\s*(?:\(#([a-z0-9-]+)\))?$/.exec(written.trim())!;
  return { text: text!, ...(anchor ? { anchor } : {}), lesser: Boolean(tilde) };
}

/** What two keywords are compared by: case, spaces and hyphens do not count ("Jazz Cash", "jazzcash"). */
export function keywordKey(keyword: string): string {
  return parseKeyword(keyword)
    .text.toLowerCase()
    .replace(/[\s-]+/g, '');
}

/** The keywords one indexed page lists, and the file an author edits to change them. */
export interface PageKeywords {
  /** The page's path, `/zh/store/`. */
  page: string;
  source: string;
  keywords: readonly string[];
}

/**
 * Keywords that two pages of one language both claim: a keyword says where a reader who types it should land, so
 * it leads to one page only; `key` says when two keywords are the same ("Jazz Cash" and "jazzcash").
 */
export function describeKeywordClashes(
  pages: readonly PageKeywords[],
  key: (keyword: string) => string,
): string | undefined {
  const owners = new Map<string, { page: PageKeywords; keyword: string }>();
  const problems: string[] = [];
  for (const page of pages) {
    const language = page.page.split('/')[1] ?? '';
    for (const keyword of page.keywords) {
      const k = `${language} ${key(keyword)}`;
      const owner = owners.get(k);
      if (!owner) owners.set(k, { page, keyword });
      else if (owner.page !== page) {
        problems.push(
          `"${keyword}" (${page.source}) and "${owner.keyword}" (${owner.page.source}) ask for the same thing, so the search cannot tell which of ${page.page} and ${owner.page.page} is meant: keep it on one of them`,
        );
      }
    }
  }
  return problems.length ? `Search keywords must lead to one page each:\n  ${problems.join('\n  ')}` : undefined;
}

/** Keywords naming a section (`双卡 (#two-at-once)`) that is not on their page, as one message. */
export function describeMissingKeywordAnchors(
  pages: readonly (PageKeywords & { ids: ReadonlySet<string> })[],
  anchorOf: (keyword: string) => string | undefined,
): string | undefined {
  const problems = pages.flatMap((page) =>
    page.keywords.flatMap((keyword) => {
      const anchor = anchorOf(keyword);
      return anchor && !page.ids.has(anchor)
        ? [`"${keyword}" (${page.source}): ${page.page} has no heading or step with the id "${anchor}"`]
        : [];
    }),
  );
  return problems.length
    ? `Search keywords lead to sections that do not exist:\n  ${problems.join('\n  ')}`
    : undefined;
}

/**
 * A result fragment (decompressed) without what Pagefind's loader never reads: it names a sub-result by an anchor's
 * `title` (a step's "Step 4") or else by a heading's text (pagefind.js `calculate_sub_results`), so a titled anchor's
 * text (the whole step, again) and the anchors that are neither are dropped, and so are its filters and every
 * metadata field but the title (the keywords and lesser keywords are in the index; results show only the title).
 */
export function trimFragment(decompressed: string): string {
  const marker = decompressed.startsWith(PAGEFIND_DECOMPRESSED) ? PAGEFIND_DECOMPRESSED : '';
  const fragment = JSON.parse(decompressed.slice(marker.length)) as {
    anchors?: { element: string; title?: string; text?: string }[];
    filters?: unknown;
    meta?: Record<string, string>;
  };
  // The page filter is read from the index (PAGE_FILTER), never from a fragment.
  delete fragment.filters;
  if (fragment.meta) fragment.meta = fragment.meta['title'] === undefined ? {} : { title: fragment.meta['title'] };
  fragment.anchors = (fragment.anchors ?? []).flatMap((anchor) => {
    if (anchor.title) {
      const { text: _, ...titled } = anchor;
      return [titled];
    }
    return /^h\d$/i.test(anchor.element) ? [anchor] : [];
  });
  return `${marker}${JSON.stringify(fragment)}`;
}

/**
 * A page as readers get it: its keywords attribute taken out once the index is written (Pagefind never reads pages
 * at run time, so the hidden keywords would only be bytes on every page view and in every offline copy).
 */
export function withoutKeywords(html: string): string {
  return html.replace(new RegExp(` data-pagefind-meta="${KEYWORDS_META_KEY}:[^"]*"`), '');
}

/** The keywords in a built page's markup (`data-pagefind-meta="keywords:…"`), as written. */
export function keywordsInHtml(html: string | HtmlDocument): string[] {
  const document = typeof html === 'string' ? parseHtml(html) : html;
  const prefix = `${KEYWORDS_META_KEY}:`;
  const meta = elements(document)
    .map((el) => el.attribs['data-pagefind-meta'])
    .find((value) => value?.startsWith(prefix));
  return (meta ?? '')
    .slice(prefix.length)
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

/** One search record: a section of an indexed page (or its start, before the first heading), as its own HTML. */
export interface SectionRecord {
  /** `/en/tips/#tax`, or `/en/tips/` for the page start. */
  url: string;
  html: string;
}

/**
 * Headings that start a record of their own (h2–h4 with an id in the indexed part of a page), or `null`: one record
 * per page. Section records rank far better (held-out first result zh 82.6% against 60.5%, en 77.0% against 49.0%
 * with the ranking of 2026-12-01; README "Search"), for 4–6 KB more in each language's offline copy.
 */
export const SECTION_RECORDS: RegExp | null = /^h[2-4]$/;

/** What Pagefind leaves out of a page, so no record starts in it: footers and `data-pagefind-ignore`. */
const leftOut = (el: HtmlElement) => el.name === 'footer' || el.attribs['data-pagefind-ignore'] !== undefined;

const isElement = (node: AnyNode): node is HtmlElement =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

const openTag = (el: HtmlElement, attribs: Record<string, string>) =>
  `<${el.name}${Object.entries(attribs)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('')}>`;

const textOf = (node: AnyNode): string =>
  node.type === 'text' ? node.data : isElement(node) ? node.children.map(textOf).join('') : '';

/**
 * Split a built page into search records, one per section (or one for the page: `headings` null): Pagefind then
 * ranks sections, the unit a reader wants to land on, with its own BM25 (a word on every page's "If it does not
 * work" counts for little; a short section about the query outranks a long page that mentions it once). Each
 * record keeps the ancestors of its part of the page (and so their `data-pagefind-*` attributes), the page title as
 * its title metadata, and the page's keywords that name it (`双卡 (#two-at-once)`: the record holding that id) or
 * the whole page (no id: every record, as the title is; held-out first result en +2 points, zh ±0), lesser ones
 * (`~`) in a field of their own, `LESSER_KEYWORDS_META`. Whole elements
 * are copied from the page's source as written; only the open tags of the ancestors a section boundary cuts
 * through are written anew. `undefined` for pages that are not indexed (no `data-pagefind-body`).
 */
export function sectionRecords(
  html: string,
  page: string,
  document: HtmlDocument = parseHtml(html),
  headings: RegExp | null = SECTION_RECORDS,
): SectionRecord[] | undefined {
  const all = elements(document);
  const body = all.find((el) => el.attribs['data-pagefind-body'] !== undefined);
  if (!body) return undefined;
  const lang = all.find((el) => el.name === 'html')?.attribs['lang'] ?? '';
  // Pre-order numbers of the body's nodes, the last number inside each, and the nodes Pagefind leaves out.
  const order = new Map<AnyNode, [number, number]>();
  const ignored = new Set<AnyNode>();
  const inBody: HtmlElement[] = [];
  let n = 0;
  const number = (node: AnyNode, out: boolean): number => {
    const first = n++;
    const skip = out || (isElement(node) && leftOut(node));
    if (skip) ignored.add(node);
    if (isElement(node)) inBody.push(node);
    const last = isElement(node) ? node.children.reduce((_, child) => number(child, skip), first) : first;
    order.set(node, [first, last]);
    return last;
  };
  number(body, false);
  const title = textOf(inBody.find((el) => el.name === 'h1') ?? body)
    .replace(/\s+/g, ' ')
    .trim();
  const starts = headings ? inBody.filter((el) => headings.test(el.name) && el.attribs['id'] && !ignored.has(el)) : [];
  const bounds = [
    { id: undefined as string | undefined, at: 0 },
    ...starts.map((h) => ({ id: h.attribs['id'], at: order.get(h)![0] })),
  ];
  // Each keyword's section and its words as indexed, worked out once for all the page's records.
  const keywords = keywordsInHtml(document).map((written) => {
    const { text, anchor, lesser } = parseKeyword(written);
    return { anchor, words: spaced(text), lesser };
  });
  const idsIn = (from: number, to: number) =>
    new Set(
      inBody.flatMap((el) => {
        const at = order.get(el)![0];
        return el.attribs['id'] !== undefined && at >= from && at < to ? [el.attribs['id']] : [];
      }),
    );
  // The part of `node` between pre-order numbers `from` (inclusive) and `to` (exclusive), as HTML.
  const slice = (node: AnyNode, from: number, to: number, attribs?: Record<string, string>): string => {
    const [first, last] = order.get(node)!;
    if (last < from || first >= to) return '';
    if (!attribs && first >= from && last < to && node.startIndex !== null && node.endIndex !== null) {
      return html.slice(node.startIndex, node.endIndex + 1);
    }
    if (!isElement(node)) return '';
    const inner = node.children.map((child) => slice(child, from, to)).join('');
    return `${openTag(node, attribs ?? node.attribs)}${inner}</${node.name}>`;
  };
  return bounds.map(({ id, at }, i) => {
    const to = bounds[i + 1]?.at ?? Infinity;
    const ids = idsIn(at, to);
    const mine = keywords.filter(({ anchor }) => !anchor || ids.has(anchor));
    const wordsOf = (lesser: boolean) => [...new Set(mine.filter((k) => k.lesser === lesser).map((k) => k.words))];
    const lesser = wordsOf(true).join(' ');
    const { ['data-pagefind-meta']: _, ...attribs } = body.attribs;
    const meta = keywordsMeta(wordsOf(false));
    const content = slice(body, at, to, meta ? { ...attribs, 'data-pagefind-meta': meta } : attribs);
    return {
      url: id ? `${page}#${id}` : page,
      html: `<html lang="${escapeAttribute(lang)}"><head><meta data-pagefind-meta="title[content]" content="${escapeAttribute(title)}"><meta data-pagefind-filter="${PAGE_FILTER}[content]" content="${escapeAttribute(page)}">${lesser ? `<meta data-pagefind-meta="${LESSER_KEYWORDS_META}[content]" content="${escapeAttribute(lesser)}">` : ''}</head><body>${content}</body></html>`,
    };
  });
}

/**
 * A keyword's words as a query of the same text is split (`searchWords`: question words cut, Chinese split as the
 * browser splits it), written with spaces between them (`流量用完了` → `流量 用 完`). Pagefind splits a page's
 * text into words but takes metadata (keywords) as written, split at spaces only; an unspaced Chinese keyword
 * would only ever match its first word, and a word the query loses (了) would never match.
 */
export function spaced(text: string): string {
  return searchWords(text).join(' ');
}
