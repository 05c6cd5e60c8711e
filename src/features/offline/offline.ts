import { chooseLocale, htmlLang, type Locale } from '../../core/locales';
import { localizedPath, splitLocalePath } from '../../core/urls';
import { PAGEFIND_DIR } from '../../core/pagefind-bundle';

/**
 * What the service worker keeps for offline reading, and how it finds it again. Shared by the build step that
 * writes the worker and its packs (./build/service-worker.ts), the worker itself (./worker/service-worker.ts)
 * and the page script (./client/offline.ts). Pure: no Node, no DOM.
 *
 * The offline copy comes in groups, each in a cache of its own:
 *  - `core`, saved when the worker installs: the site's scripts, Pagefind's loader and worker, the manifests, the
 *    `/` chooser and the offline page of every language;
 *  - one group per language, saved for the reader's language on the first visit and for another language when the
 *    reader opens a page in it (or taps "save" in it). A language's files are in tiers: `essentials` (home, search
 *    page, the pages of the home's "no data" box), `search` (its Pagefind index and result fragments) and `pages`
 *    (every other page). The tiers that fit LANGUAGE_COPY_BUDGET_BYTES are saved at once; the rest on request, and
 *    a page the reader opens is saved as it is read.
 * Files travel in packs (one JSON file of many text files, compressed once by the server, the stylesheet once per
 * pack instead of once per page) and are stored one by one, byte for byte as the build wrote them.
 */

/** `/<lang>/offline/`: shown for a page that is not saved while the reader has no connection. */
export const OFFLINE_SLUG = 'offline';

/** Where the build writes packs and language indexes (content-hashed names, so the URL is the version). */
export const PACK_DIR = '_offline';

/**
 * What one visit may download for the offline copy of a language after sw.js, compressed as a server sends it: the
 * core group, the language's index and the tiers saved at once. With the heaviest page's first view (about 15 KB)
 * and sw.js (about 5 KB), a first visit stays under 200 KB (issue 15; tests/unit/budgets.test.ts checks the sum).
 * Tiers that do not fit are saved on request.
 */
export const LANGUAGE_COPY_BUDGET_BYTES = 179 * 1024;

/** A page whose facts were checked longer ago than this says so, on the reader's own date (issue 15). */
export const STALE_AFTER_DAYS = 90;

/** Files of the core group, relative to dist/ (the language groups are chosen by the build from each language's folder). */
export const CORE_GLOBS = [
  '_astro/**/*.{js,css}',
  'favicon.svg',
  '*/manifest.webmanifest',
  'index.html',
  `*/${OFFLINE_SLUG}/index.html`,
  `${PAGEFIND_DIR}/{pagefind.js,pagefind-worker.js,pagefind-entry.json}`,
] as const;

/** Files whose name changes with their content: no revision needed, the URL is the version. */
export const HASHED_URL =
  /^(?:_astro\/|_offline\/|pagefind\/(?:index|fragment|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/;

export { PAGEFIND_DECOMPRESSED, PAGEFIND_DIR } from '../../core/pagefind-bundle';

export type Tier = 'essentials' | 'search' | 'pages';
export const TIERS: readonly Tier[] = ['essentials', 'search', 'pages'];
/** The sets of tiers a first visit may save, best first. */
export const TIER_CHOICES: readonly Tier[][] = [
  ['essentials', 'search', 'pages'],
  ['essentials', 'search'],
  ['essentials', 'pages'],
  ['essentials'],
];

/** One saved file. `url` is relative to the site root (`zh/store/index.html`). */
export interface OfflineEntry {
  url: string;
  /** Workbox's revision (md5 of the file) for files whose name does not change with their content; else null. */
  revision: string | null;
  /** SRI hash of the stored bytes, when they are the very bytes the server has for `url` (pages, scripts). */
  integrity?: string;
  /** The pack or binary file that carries the bytes; without it the file is fetched from its own URL. */
  from?: string;
  /** In a binary source: where the file's bytes start and end (end exclusive). */
  range?: [number, number];
  /** Language groups: the tier the file belongs to. */
  tier?: Tier;
}

/**
 * A file that carries the bytes of others: a pack (JSON, text files), or a binary file: Pagefind's WebAssembly and
 * index chunks without their gzip wrappers, one after the other. A binary file is named `.wasm` (and starts with the
 * WebAssembly module) because `application/wasm` is a type hosts compress, with brotli, better than Pagefind's gzip;
 * `application/octet-stream` they send as it is.
 */
export interface OfflineSource {
  url: string;
  integrity: string;
  format: 'pack' | 'binary';
}

export interface TierInfo {
  tier: Tier;
  /** Saved with the language at once (it fits the budget); otherwise on request. */
  auto: boolean;
  /** HTML pages in the tier. */
  pages: number;
}

/**
 * `_offline/<lang>.<hash>.json`: a language's files saved at once (with where their bytes come from), how its tiers
 * are saved, and where the others are listed: shards of SHARD_SIZE files in URL order, so the index (downloaded on
 * every first visit) stays small however many pages the site has. The worker fetches a shard when the reader opens
 * a page listed in it (to check and keep that page) and every shard for "save all".
 */
export interface LanguageIndex {
  lang: Locale;
  entries: OfflineEntry[];
  shards: ShardRef[];
  sources: OfflineSource[];
  tiers: TierInfo[];
}

/** A shard of a language's other files: `_offline/<lang>-files-<n>.<hash>.json`, a JSON array of OfflineEntry. */
export interface ShardRef {
  url: string;
  integrity: string;
  /** The first file URL it lists (shards are in URL order). */
  first: string;
}

export const SHARD_SIZE = 64;

/** The shard that lists `url`, if any (the last whose first URL is not after it). */
export function shardFor(shards: readonly ShardRef[], url: string): ShardRef | undefined {
  let found: ShardRef | undefined;
  for (const shard of shards) if (shard.first <= url) found = shard;
  return found;
}

/** The entries of dist/sw.js's manifest (Workbox's injectManifest writes them into the worker). */
export type SwManifestItem =
  | ({ kind: 'file' } & OfflineEntry)
  | ({ kind: 'source' } & OfflineSource)
  | {
      kind: 'language';
      url: string;
      integrity: string;
      lang: Locale;
      /** The first-visit bundle: the core's files, this index and the automatic tiers' text files in one pack. */
      first: string;
      firstIntegrity: string;
      /** Compressed bytes saved at once for this language when the core is saved (index and automatic tiers). */
      autoBytes: number;
      /** Compressed bytes of the whole language (every tier). */
      allBytes: number;
      /** HTML pages of the language (without the offline page, which is in the core group). */
      pages: number;
    };

/**
 * One text file inside a pack: its text with the stylesheets and word breaks cut out, and where each goes back in
 * (the word breaks first: `styles` offsets count them).
 */
export interface PackFile {
  url: string;
  type: string;
  text: string;
  /** [index into `styles`, offset in `text`], in order of offset. */
  styles?: [number, number][];
  /** Where the word breaks (WORD_BREAK) go back into `text`: see cutWordBreaks. */
  breaks?: string;
}

/** A pack: a JSON file of text files. Stylesheets shared by its pages are in it once. */
export interface Pack {
  styles: string[];
  files: PackFile[];
}

/** The text of a pack file as the build wrote it (its word breaks and stylesheets put back). */
export function unpackText(pack: Pack, file: PackFile): string {
  const source = file.breaks ? putWordBreaks(file.text, file.breaks) : file.text;
  if (!file.styles?.length) return source;
  let text = '';
  let at = 0;
  for (const [style, offset] of file.styles) {
    text += source.slice(at, offset) + (pack.styles[style] ?? '');
    at = offset;
  }
  return text + source.slice(at);
}

/**
 * U+200B ZERO WIDTH SPACE. Pagefind writes one between every two words of Chinese text in a result fragment's
 * `content` (its excerpts count words by them), so the fragment's words never match, for a compressor, the same words
 * on the page in the same pack. Cut out, with their places kept in a short string, a Chinese first-visit bundle is 8 KB
 * smaller (brotli).
 */
export const WORD_BREAK = '\u200b';

/** Word breaks further apart than this take more than one character in `breaks` (`z`: this many more). */
const BREAK_STRIDE = 35;

/**
 * `text` without its word breaks, and where they were: for each, the characters (UTF-16 code units) since the one
 * before, in base 36, `z` standing for 35 more before the next (`你好|世界|!` with breaks at `|`: `22`). No `breaks`: none.
 */
export function cutWordBreaks(text: string): { text: string; breaks?: string } {
  if (!text.includes(WORD_BREAK)) return { text };
  const parts = text.split(WORD_BREAK);
  const breaks = parts
    .slice(0, -1)
    .map((part) => 'z'.repeat(Math.floor(part.length / BREAK_STRIDE)) + (part.length % BREAK_STRIDE).toString(36))
    .join('');
  return { text: parts.join(''), breaks };
}

/** Put the word breaks that cutWordBreaks took out of `text` back in. */
export function putWordBreaks(text: string, breaks: string): string {
  let out = '';
  let at = 0;
  let gap = 0;
  for (const step of breaks) {
    if (step === 'z') {
      gap += BREAK_STRIDE;
      continue;
    }
    gap += parseInt(step, 36);
    out += text.slice(at, at + gap) + WORD_BREAK;
    at += gap;
    gap = 0;
  }
  return out + text.slice(at);
}

/**
 * Cut stylesheets out of a page, keeping one copy per distinct stylesheet in `styles`. `ranges`: where each
 * `<style>` element's text starts and ends in `text` (end exclusive, in order), as an HTML parser found them.
 */
export function packText(
  text: string,
  styles: string[],
  ranges: readonly (readonly [number, number])[],
): Pick<PackFile, 'text' | 'styles'> {
  const found: [number, number][] = [];
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    const css = text.slice(start, end);
    if (!css) continue;
    out += text.slice(at, start);
    let index = styles.indexOf(css);
    if (index < 0) index = styles.push(css) - 1;
    found.push([index, out.length]);
    at = end;
  }
  out += text.slice(at);
  return found.length ? { text: out, styles: found } : { text };
}

/**
 * Which tiers of a language are saved at once, by preference: everything; essentials and search; essentials and the
 * other pages; essentials alone. `cost` gives the compressed bytes of downloading a set of tiers together (one pack
 * compresses better than several), `fixed` what every first visit downloads besides (the core group, the language's
 * index). Essentials that do not fit are a build error: the budget is too small for the site.
 */
export async function planTiers(
  cost: (tiers: Tier[]) => number | Promise<number>,
  fixed: number,
  budget = LANGUAGE_COPY_BUDGET_BYTES,
): Promise<Tier[]> {
  let last = 0;
  for (const tiers of TIER_CHOICES) {
    last = await cost(tiers);
    if (fixed + last <= budget) return tiers;
  }
  throw new Error(`the offline essentials (${last} B) and the core (${fixed} B) exceed the budget of ${budget} B`);
}

/** Pagefind's name of a language (`zh-cn`, `en`): its file names start with it. */
export function pagefindLanguage(locale: Locale): string {
  return htmlLang(locale).toLowerCase();
}

/**
 * The cache of a group: `workbox-precache-v2-<scope>` for the core, the language inserted before the scope for a
 * language (`workbox-precache-v2-zh-<scope>`). These are the names Workbox gave the caches when the worker used it;
 * kept, so a new worker finds the copy an older one saved. Names never change between builds: versions are in the
 * cache keys (cacheKeyOf), so a new build downloads only what changed, and files of the old build are deleted once
 * the new worker is in charge.
 */
export function groupCacheName(names: CacheNames, lang?: Locale): string {
  return [names.prefix, 'precache-v2', lang, names.suffix].filter(Boolean).join('-');
}

/** The small cache where the worker notes which languages the reader saved, and when (`workbox-offline-state-<scope>`). */
export function stateCacheName(names: CacheNames): string {
  return [names.prefix, 'offline-state', names.suffix].filter(Boolean).join('-');
}

/** What the worker's cache names are made of: a prefix and the worker's scope (`https://example.org/`). */
export interface CacheNames {
  prefix: string;
  suffix: string;
}

export function cacheNamesFor(scope: string): CacheNames {
  return { prefix: 'workbox', suffix: scope };
}

/**
 * The cache key of a saved file (as Workbox keyed its precache): its absolute URL, with `__WB_REVISION__=<revision>`
 * when its name does not change with its content, so each build's bytes have a key of their own.
 */
export function cacheKeyOf({ url, revision }: Pick<OfflineEntry, 'url' | 'revision'>, base: string): string {
  const key = new URL(url, base);
  if (revision) key.searchParams.set('__WB_REVISION__', revision);
  return key.href;
}

/**
 * The saved files (absolute URLs) that may answer a request, in order. Query strings never change a file of this
 * static site, so they are dropped: Pagefind's cache-buster (`pagefind-entry.json?ts=…`), a shared search
 * (`/zh/search/?q=…`), tracking tags (`utm_…`); without this, offline search and shared search links would miss. A
 * folder is its `index.html`, also when typed without the final slash (`/zh/store`).
 */
export function savedUrlVariants(url: URL): string[] {
  const plain = new URL(url.pathname, url.origin).href;
  const last = url.pathname.split('/').pop() ?? '';
  if (last === '') return [plain, `${plain}index.html`];
  return last.includes('.') ? [plain] : [plain, `${plain}/index.html`];
}

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

/** Whole days from a calendar day (`2026-11-26`, as in `<time datetime>`) to the reader's own date `now`. */
export function daysSince(isoDay: string, now: Date): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  const checked = Date.UTC(y!, m! - 1, d!);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.floor((today - checked) / 86_400_000);
}

/** Facts checked more than STALE_AFTER_DAYS before the reader's date: the page says so next to the date. */
export function isStale(isoDay: string, now: Date, days = STALE_AFTER_DAYS): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDay) && daysSince(isoDay, now) > days;
}

/** The reader's calendar day, in the page's language (the date an offline copy was saved). */
export function formatLocalDate(date: Date, locale: Locale): string {
  const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** `164 KB`, `2.3 MB`: a download size for readers. */
export function formatSize(bytes: number): string {
  if (bytes < 1000 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the worker has saved, per language, as it tells a page (SW_MESSAGE.status). */
export interface LanguageStatus {
  /** Saved HTML pages of the language. */
  saved: number;
  /** HTML pages the language has. */
  pages: number;
  /** When the language's copy was last completed (ISO time), or null if it never was. */
  savedAt: string | null;
  /** Every tier is saved (nothing left to save on request). */
  complete: boolean;
  /** Compressed bytes still to download to save the whole language. */
  restBytes: number;
  /** Compressed bytes of saving the language from nothing (index and automatic tiers). */
  autoBytes: number;
  /** Saved pages (paths like `/zh/store/`) with their titles, for the offline page. */
  list?: { path: string; title: string }[];
}
export type OfflineStatus = Partial<Record<Locale, LanguageStatus>>;

/** Messages a page sends to the worker. */
export const SW_MESSAGE = {
  /** Activate the waiting (new) worker now; the page reloads or navigates right after. */
  skipWaiting: 'SKIP_WAITING',
  /** Check that every saved file is still there and fetch back the missing ones. */
  repair: 'REPAIR_PRECACHE',
  /** Save a language (`lang`): its automatic tiers, or every tier with `all: true`. */
  save: 'SAVE_LANGUAGE',
  /** Ask what is saved; the answer (an OfflineStatus) comes on the message's port. With `list: true`, the saved pages too. */
  status: 'OFFLINE_STATUS',
} as const;

/** Broadcast by the worker to its pages when what is saved has changed (`status`: an OfflineStatus). */
export const SW_STATUS_CHANGED = 'OFFLINE_STATUS_CHANGED';
