import { elements, parseHtml, type HtmlDocument } from '../../core/html';

/**
 * Build-time facts about the search index. Pagefind writes its bundle into dist/pagefind/ and describes it in
 * pagefind-entry.json: one index per `<html lang>` value (lower-cased), each with its page count.
 */
export const SEARCH_BUNDLE_DIR = 'pagefind';

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
 * Keywords: other words readers use for what a page covers (充值/续费/缴费, top up/recharge/load), written in a
 * guide's frontmatter. They are indexed as hidden Pagefind metadata (`data-pagefind-meta="keywords:…"`): never
 * shown, matched with low weight, so the page's own text still ranks first. The inline meta syntax runs to the
 * end of the attribute and Pagefind splits captures on commas, so a keyword may not contain `,` `:` `[` `]`.
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

/** Keywords listed twice (ignoring case and spaces), for a clear content error. */
export function repeatedKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const keyword of keywords) {
    const key = keyword.toLowerCase().replace(/\s+/g, ' ').trim();
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

/** The keywords one indexed page lists, and the file an author edits to change them. */
export interface PageKeywords {
  /** The page's path, `/zh/store/`. */
  page: string;
  source: string;
  keywords: readonly string[];
}

/**
 * Keywords that two pages of one language both claim. A keyword makes its page the best bet for the query
 * (src/features/search/search.ts `isBestBet`), so it may lead to one page only; `key` says when two keywords ask for the
 * same thing ("Jazz Cash" and "jazz  cash", "top up without bank account" and "without bank account").
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
