import { mergeResults, normalizeQuery, significantTerms, toPageHit, type PageHit, type ResultData } from '../../lib/search';

/**
 * Pagefind's JS API (dist/pagefind/pagefind.js, written by the search-index integration after the build). It
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
    await pagefind.options({ excerptLength, excerptEllipsis: '…', ranking: { metaWeights: META_WEIGHTS } });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, say) may be retried on the next keystroke.
  engine.catch(() => (engine = undefined));
  return engine;
}

/**
 * The pages matching a query, best first, each with its best sections: pages with every word of the query,
 * then pages with some of its words (see mergeResults), so a question in natural words still finds something.
 */
export async function findPages(query: string, pages: number, sectionsPerPage: number): Promise<PageHit[]> {
  const q = normalizeQuery(query);
  if (!q) return [];
  const pagefind = await loadEngine();
  const terms = significantTerms(q);
  const [whole, ...byTerm] = await Promise.all([q, ...(terms.length > 1 ? terms : [])].map((t) => pagefind.search(t)));
  const results = new Map<string, Result>();
  for (const found of [whole, ...byTerm]) for (const r of found?.results ?? []) if (!results.has(r.id)) results.set(r.id, r);
  const order = mergeResults(whole?.results ?? [], byTerm.map((found) => found?.results ?? []));
  const data = await Promise.all(order.slice(0, pages).map((id) => results.get(id)!.data()));
  return data.map((d) => toPageHit(d, q, sectionsPerPage));
}
