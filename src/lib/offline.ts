import { chooseLocale, type Locale } from './locales';
import { localizedPath, splitLocalePath } from './urls';

/**
 * What the service worker keeps for offline reading, and how it finds it again. Shared by the build step that
 * writes the worker (src/integrations/service-worker.ts) and the worker itself (src/sw/service-worker.ts).
 */

/** `/<lang>/offline/`: shown for a page that is not saved while the reader has no connection. */
export const OFFLINE_SLUG = 'offline';

/**
 * Files saved on the first visit, relative to dist/: the pages of both languages, the bundled scripts, the icons
 * and manifests.
 */
export const SITE_GLOBS = [
  '**/*.html',
  '_astro/**/*.{js,css}',
  'favicon.svg',
  'icons/*.png',
  '*/manifest.webmanifest',
] as const;

/**
 * Pagefind's files for searching every language offline: its loader and worker, one WebAssembly file per
 * stemmer (`wasm.en.pagefind`, `wasm.unknown.pagefind` for Chinese), the entry file, the per-language metadata,
 * index chunks, result fragments and filters. Its optional ready-made UI bundles (pagefind-ui.*,
 * pagefind-component-ui.*, pagefind-modular-ui.*, pagefind-highlight.js) are left out.
 */
export const SEARCH_DIR = 'pagefind';
export const SEARCH_GLOB = `${SEARCH_DIR}/{pagefind.js,pagefind-worker.js,pagefind-entry.json,wasm.*.pagefind,*.pf_meta,index/*.pf_index,fragment/*.pf_fragment,filter/*.pf_filter}`;

/** Files whose name changes with their content: no revision needed, the URL is the version. */
export const HASHED_URL = /^(?:_astro\/|pagefind\/(?:index|fragment|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/;

/**
 * Query parameters never change a file of this static site, so the worker ignores them all when it looks a
 * request up in the precache: Pagefind's cache-buster (`pagefind-entry.json?ts=…`), a shared search
 * (`/zh/search/?q=…`), tracking tags (`utm_…`). Without this, offline search and shared search links would miss.
 */
export const IGNORED_URL_PARAMETERS: RegExp[] = [/.*/];

/** `/zh/store` (typed without the slash) is the page `/zh/store/`: try its index.html too. */
export function directoryVariant({ url }: { url: URL }): URL[] {
  const last = url.pathname.split('/').pop() ?? '';
  if (last === '' || last.includes('.')) return [];
  const variant = new URL(url.href);
  variant.pathname += '/index.html';
  variant.search = '';
  return [variant];
}

/** Options for Workbox's precache route: how a request URL is matched to a saved file. */
export const PRECACHE_ROUTE_OPTIONS = {
  ignoreURLParametersMatching: IGNORED_URL_PARAMETERS,
  directoryIndex: 'index.html',
  cleanURLs: false,
  urlManipulation: directoryVariant,
};

/**
 * The language of the offline page for a URL that is not saved: the URL's own language folder; otherwise (`/`,
 * an unknown path) the first browser language we have, else the default. The worker cannot read the reader's
 * remembered choice (localStorage), so the browser's languages decide.
 */
export function offlineLocale(pathname: string, browserLanguages: readonly string[]): Locale {
  return splitLocalePath(pathname).locale ?? chooseLocale(null, browserLanguages);
}

export function offlinePagePath(pathname: string, browserLanguages: readonly string[]): string {
  return localizedPath(offlineLocale(pathname, browserLanguages), OFFLINE_SLUG);
}

/** Messages a page sends to the worker. */
export const SW_MESSAGE = {
  /** Activate the waiting (new) worker now; the page reloads or navigates right after. */
  skipWaiting: 'SKIP_WAITING',
  /** Check that every saved file is still there and fetch back the missing ones. */
  repair: 'REPAIR_PRECACHE',
} as const;
