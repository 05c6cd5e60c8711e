import { PAGEFIND_DIR } from '../../../core/pagefind-bundle';
import {
  groupByPage,
  LESSER_KEYWORDS_META,
  normalizeQuery,
  PAGE_FILTER,
  queryPhrases,
  queryTerms,
  rankFound,
  type Found,
  type PageHit,
  type ResultData,
} from '../search';

/**
 * Pagefind's JS API (dist/pagefind/pagefind.js: `PAGEFIND_DIR`, written by the search-index build step). It picks
 * the index of the page's `<html lang>`, so a Chinese page searches Chinese pages only. Each indexed record is a
 * page (or a section of one: `SECTION_RECORDS`, ../search-index.ts).
 */
interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters: Record<string, string> }): Promise<{ results: Result[] } | null>;
  filters(): Promise<Record<string, Record<string, number> | undefined>>;
}

/**
 * Pagefind's ranking settings (README "Search"): keywords weigh less than a heading, more than a word of text;
 * lesser keywords as much as a word of text.
 */
const RANKING = { metaWeights: { title: 2, keywords: 3, [LESSER_KEYWORDS_META]: 1 } };

let engine: Promise<Pagefind> | undefined;

export function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    const bundle = `/${PAGEFIND_DIR}/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    // Excerpt length counts words; Chinese is segmented into short words, so it gets more of them.
    const excerptLength = document.documentElement.lang.startsWith('zh') ? 36 : 24;
    // On the page's own thread: for an index this small a search takes milliseconds there, and Pagefind's web
    // worker (11 KB brotli) would be one more file to download and to keep in every offline copy.
    await pagefind.options({ excerptLength, excerptEllipsis: '…', ranking: RANKING, noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, say) may be retried on the next keystroke.
  engine.catch(() => (engine = undefined));
  return engine;
}

/** A word's results, as Pagefind finds and scores them. */
async function searchWord(pagefind: Pagefind, word: string): Promise<Found<Result>[]> {
  const results = (await pagefind.search(word))?.results ?? [];
  return results.map((r) => ({ id: r.id, score: r.score, result: r }));
}

/**
 * A phrase's results. Pagefind scores an exact match 1 (or the weight of the metadata field it is in); like a
 * word, a phrase counts for more the fewer sections have it (BM25's inverse document frequency).
 */
async function searchPhrase(pagefind: Pagefind, phrase: string, sections: number): Promise<Found<Result>[]> {
  const results = (await pagefind.search(`"${phrase}"`))?.results ?? [];
  const idf = Math.log((sections - results.length + 0.5) / (results.length + 0.5) + 1);
  return results.map((r) => ({ id: r.id, score: r.score * idf, result: r }));
}

let pageOfRecord: Promise<Map<string, string>> | undefined;

/**
 * Each record's page (Pagefind's `PAGE_FILTER`): all the records of each page, one search per page, once. With
 * it, the sections are grouped by page before any result fragment is fetched, and only those shown are.
 */
function recordPages(pagefind: Pagefind): Promise<Map<string, string>> {
  pageOfRecord ??= (async () => {
    const pages = Object.keys((await pagefind.filters())[PAGE_FILTER] ?? {});
    const records = await Promise.all(
      pages.map(async (page) => {
        const found = await pagefind.search(null, { filters: { [PAGE_FILTER]: page } });
        return (found?.results ?? []).map((r): [string, string] => [r.id, page]);
      }),
    );
    return new Map(records.flat());
  })();
  // Reading the filter fetches a file: a failed read (the connection dropped) is retried by the next search, as a
  // failed load of the engine is.
  pageOfRecord.catch(() => (pageOfRecord = undefined));
  return pageOfRecord;
}

export interface Answer {
  hits: PageHit[];
  /** Pages with a match. */
  total: number;
  /** Most of the query's words are on no page: the results (if any) may well not answer it. */
  unsure: boolean;
}

/**
 * The first `pages` pages matching a query, best first, each with its best `sectionsPerPage` sections; `undefined`
 * when `stale()` says a newer query came meanwhile (its sections' fragments are then never fetched: while the
 * reader types, only the query in the box loads them).
 */
export async function findPages(
  query: string,
  pages: number,
  sectionsPerPage: number,
  stale: () => boolean = () => false,
): Promise<Answer | undefined> {
  const q = normalizeQuery(query);
  const words = queryTerms(q);
  if (!words.length) return { hits: [], total: 0, unsure: true };
  const phrases = queryPhrases(q);
  const pagefind = await loadEngine();
  const pageOf = await recordPages(pagefind);
  // Every record has a page: the map's size is the number of records, for the phrases' inverse document frequency.
  const [whole, byWord, byPhrase] = await Promise.all([
    pagefind.search(words.join(' ')),
    Promise.all(words.map((w) => searchWord(pagefind, w))),
    Promise.all(phrases.map((p) => searchPhrase(pagefind, p, pageOf.size))),
  ]);
  // A section with every word: its excerpt from the search for all of them, which marks them all.
  const withAll = new Map((whole?.results ?? []).map((r) => [r.id, r]));
  // The best `sectionsPerPage` sections of the first `pages` pages: only their fragments are fetched.
  const byPage = new Map<string, Result[]>();
  for (const r of rankFound([...byWord, ...byPhrase])) {
    const page = pageOf.get(r.id) ?? r.id;
    const found = byPage.get(page) ?? [];
    byPage.set(page, found);
    found.push(r);
  }
  const shown = [...byPage.values()].slice(0, pages).flatMap((found) => found.slice(0, sectionsPerPage));
  if (stale()) return undefined;
  const sections = await Promise.all(shown.map((r) => (withAll.get(r.id) ?? r).data()));
  const hits = groupByPage(sections, sectionsPerPage);
  const known = byWord.filter((found) => found.length).length;
  return { hits, total: byPage.size, unsure: !hits.length || known * 2 < words.length };
}
