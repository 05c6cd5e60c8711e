import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The pages the site-wide gates visit, read from the build (never a hand-written list, so a new page is covered
 * the day it is built): every URL of the sitemap, plus the pages it leaves out on purpose (the 404 and the offline
 * pages) and the search pages with a query, so results are checked too. `uncoveredPages()` lists built HTML files
 * that none of these reach; the gates assert it is empty.
 */
export const DIST = resolve(import.meta.dirname, '../../dist');

function built(): void {
  if (!existsSync(join(DIST, 'sitemap-index.xml')))
    throw new Error('dist/ has no sitemap: run `npm run build` first (npm test does)');
}

/** Every URL path listed by the sitemap(s): `/`, `/en/`, `/en/store/`, … */
export function sitemapPaths(): string[] {
  built();
  const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return maps.flatMap((map) =>
    [...readFileSync(join(DIST, map), 'utf8').matchAll(/<url><loc>([^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1]!).pathname,
    ),
  );
}

/** The languages with a home page in the sitemap: `zh`, `en`. */
export function locales(): string[] {
  return sitemapPaths()
    .map((p) => /^\/([a-z]{2})\/$/.exec(p)?.[1])
    .filter((l): l is string => Boolean(l));
}

/** Every HTML file of the build as the URL path that serves it (`/zh/store/`, `/404.html`). */
export function builtHtmlPaths(): string[] {
  built();
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/\\/g, '/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** Queries that find something on each language's search page, so the results markup is checked too. */
const SEARCH_QUERY: Record<string, string> = { zh: '护照', en: 'passport' };

/** An unknown address: the host answers with /404.html, as it would for a mistyped link. */
export const NOT_FOUND = '/zh/no-such-page/';

/** Every page to check: the sitemap, the 404 (at an unknown URL, as served), the offline pages, searches with results. */
export function pagesToCheck(): string[] {
  const pages = new Set(sitemapPaths());
  pages.add(NOT_FOUND);
  for (const locale of locales()) {
    pages.add(`/${locale}/offline/`);
    pages.add(`/${locale}/search/`);
    const query = SEARCH_QUERY[locale];
    if (query) pages.add(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  }
  return [...pages];
}

/** Built HTML pages that pagesToCheck() does not visit (should be none). */
export function uncoveredPages(): string[] {
  const visited = new Set(pagesToCheck().map((p) => (p === NOT_FOUND ? '/404.html' : p.replace(/\?.*$/, ''))));
  return builtHtmlPaths().filter((p) => !visited.has(p));
}
