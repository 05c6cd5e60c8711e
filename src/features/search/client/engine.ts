import {
  mergeResults,
  orderPages,
  normalizeQuery,
  significantTerms,
  toPageHit,
  type PageHit,
  type ResultData,
} from '../search';

/**
 * Pagefind's JS API (dist/pagefind/pagefind.js, written by the search-index build step). It
 * picks the index of the page's `<html lang>`, so a Chinese page searches Chinese pages only.
 */
interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: Result[] } | null>;
}

/** Hidden keywords (guide frontmatter `keywords`) count for less than the page's own words; the title for more. */
const META_WEIGHTS = { title: 5, keywords: 0.5 };

let engine: Promise<Pagefind> | undefined;

export function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    // Excerpt length counts words; Chinese is segmented into short words, so it gets more of them.
    const excerptLength = document.documentElement.lang.startsWith('zh') ? 36 : 24;
    // On the page's own thread: for an index this small a search takes milliseconds there, and Pagefind's web
    // worker (11 KB brotli) would be one more file to download and to keep in every offline copy.
    await pagefind.options({
      excerptLength,
      excerptEllipsis: '…',
      ranking: { metaWeights: META_WEIGHTS },
      noWorker: true,
    });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, say) may be retried on the next keystroke.
  engine.catch(() => (engine = undefined));
  return engine;
}

/**
 * Pages whose data is loaded to rank them (orderPages): the query's best bet may be anywhere in Pagefind's order,
 * and the best sections tell more than its page scores. On a site of this size (a dozen pages per language) that
 * is every match. A page's data is a fragment of a few KB, cached after the first search (and precached by the
 * service worker).
 */
const CANDIDATES = 24;

/**
 * The first `pages` pages matching a query, best first (see orderPages), each with its best sections, and how
 * many pages match in all: the query's best bet
 * (the page that lists it as a keyword), then pages with every word of the query, then pages with some of its
 * words (see mergeResults), so a question in natural words still finds something.
 */
export async function findPages(
  query: string,
  pages: number,
  sectionsPerPage: number,
): Promise<{ hits: PageHit[]; total: number }> {
  const q = normalizeQuery(query);
  if (!q) return { hits: [], total: 0 };
  const pagefind = await loadEngine();
  // Word by word as well, unless the query is a single word as it stands ("充值要带护照吗" → 护照).
  const terms = significantTerms(q);
  const oneWord = terms.length === 1 && terms[0] === q.toLowerCase();
  const [whole, ...byTerm] = await Promise.all([q, ...(oneWord ? [] : terms)].map((t) => pagefind.search(t)));
  const results = new Map<string, Result>();
  for (const found of [whole, ...byTerm])
    for (const r of found?.results ?? []) if (!results.has(r.id)) results.set(r.id, r);
  const order = mergeResults(
    whole?.results ?? [],
    byTerm.map((found) => found?.results ?? []),
  );
  const wholeIds = new Set((whole?.results ?? []).map((r) => r.id));
  const candidates = await Promise.all(
    order.slice(0, CANDIDATES).map(async (id) => ({ data: await results.get(id)!.data(), whole: wholeIds.has(id) })),
  );
  const hits = orderPages(candidates, q)
    .slice(0, pages)
    .map((d) => toPageHit(d, q, sectionsPerPage));
  return { hits, total: order.length };
}
