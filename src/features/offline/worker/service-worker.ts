/// <reference lib="webworker" />
/**
 * The offline service worker, bundled by ../build/service-worker.ts after the search index is written;
 * Workbox writes the manifest (`self.__WB_MANIFEST`: the core files, the packs that carry them, and each language's
 * index by hash) into it. See ../offline.ts for the groups and tiers.
 *
 * - Install saves the core group, then the languages: on the first install the language of the open pages, on an
 *   update every language the reader had saved (the same tiers, and the pages they had opened), all of the new
 *   build. A failed download fails the install and the old worker stays in charge.
 * - Every saved file is answered from its group's cache (./precache.ts), under its cache key for this build, so a page
 *   and its scripts always come from one build. A page of a saved language that is not saved yet (a tier saved on
 *   request) is fetched with its SRI hash and kept: the pages a reader opens stay readable offline.
 * - A new worker installs beside the old one and waits: the page offers "updated — reload" and, on a click (or at the
 *   reader's next link), sends SKIP_WAITING. It never activates itself mid-visit.
 * - A navigation to a page that is not saved goes to the network; offline, it gets /<lang>/offline/.
 * - A broken cache recovers. A saved file that has gone missing is fetched again and checked against the build's
 *   hashes (its own, or its pack's); each page asks for REPAIR_PRECACHE, which refetches what is missing. If the
 *   server no longer has those bytes (a new build is deployed), this worker cannot serve its build any more: it
 *   fetches the new worker and hands over to it at once.
 */
import { isLocale, LOCALES, type Locale } from '../../../core/locales';
import { splitLocalePath } from '../../../core/urls';
import {
  cacheNamesFor,
  groupCacheName,
  offlinePagePath,
  PAGEFIND_DECOMPRESSED,
  stateCacheName,
  SW_MESSAGE,
  SW_STATUS_CHANGED,
  shardFor,
  unpackText,
  type LanguageIndex,
  type LanguageStatus,
  type OfflineEntry,
  type OfflineSource,
  type OfflineStatus,
  type Pack,
  type ShardRef,
  type SwManifestItem,
} from '../offline';
import { Precache } from './precache';

// Workbox's injectManifest writes the manifest in place of `self.__WB_MANIFEST` (../build/service-worker.ts).
declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: unknown };

const MANIFEST = self.__WB_MANIFEST as SwManifestItem[];
type LanguageRef = Extract<SwManifestItem, { kind: 'language' }>;
const cacheNames = cacheNamesFor(self.registration.scope);

/** A saved file missing from the cache that the server cannot give back as it was: this build is gone. */
function missingFileFetched(response: Response | undefined): void {
  if (response ? !response.ok : self.navigator.onLine) void handOver();
}

/** A group of saved files in a cache of its own: the core, or one language. */
interface Group {
  lang: Locale | undefined;
  cacheName: string;
  precache: Precache;
  entries: OfflineEntry[];
  sources: Map<string, OfflineSource>;
}

function group(lang: Locale | undefined, entries: OfflineEntry[], sources: OfflineSource[]): Group {
  const cacheName = groupCacheName(cacheNames, lang);
  const precache = new Precache(cacheName, missingFileFetched);
  precache.add(entries);
  return { lang, cacheName, precache, entries, sources: new Map(sources.map((s) => [s.url, s])) };
}

const core = group(
  undefined,
  MANIFEST.filter((i) => i.kind === 'file'),
  MANIFEST.filter((i) => i.kind === 'source'),
);
const refs = new Map(MANIFEST.filter((i): i is LanguageRef => i.kind === 'language').map((r) => [r.lang, r]));
const languages = new Map(LOCALES.filter((l) => refs.has(l)).map((l) => [l, group(l, [], [])]));
const indexes = new Map<Locale, LanguageIndex>();

const absolute = (url: string) => new URL(url, self.location.href).href;

/** Take a language's index into its group: its files become routes and cache keys of this build. */
function useIndex(lang: Locale, index: LanguageIndex): void {
  const g = languages.get(lang)!;
  const ref = refs.get(lang)!;
  indexes.set(lang, index);
  // The index is kept in the language's cache too (so the next start of the worker finds it).
  g.entries = [...index.entries, { url: ref.url, revision: null, integrity: ref.integrity }];
  g.sources = new Map(index.sources.map((s) => [s.url, s]));
  g.precache.add(g.entries);
}

/** Take a shard of a language's other files into its group (it is kept in the cache too). */
function useShard(lang: Locale, shard: ShardRef, entries: OfflineEntry[]): void {
  const g = languages.get(lang)!;
  if (g.entries.some((e) => e.url === shard.url)) return;
  const added = [...entries, { url: shard.url, revision: null, integrity: shard.integrity }];
  g.entries.push(...added);
  g.precache.add(added);
}

/** Shards of a language fetched (or found saved) and taken in: those listing `urls`, or all of them. */
async function loadShards(lang: Locale, urls: string[] | 'all', { offline = false } = {}): Promise<void> {
  const index = indexes.get(lang);
  const g = languages.get(lang)!;
  if (!index) return;
  const wanted = new Set(
    urls === 'all' ? index.shards : urls.map((u) => shardFor(index.shards, u)).filter((s): s is ShardRef => Boolean(s)),
  );
  const cache = await caches.open(g.cacheName);
  for (const shard of wanted) {
    if (g.entries.some((e) => e.url === shard.url)) continue;
    let response = await cache.match(absolute(shard.url));
    if (!response && offline) continue;
    if (!response) {
      response = await fetchOfBuild(shard.url, shard.integrity, false);
      await cache.put(absolute(shard.url), response.clone());
    }
    useShard(lang, shard, (await response.json()) as OfflineEntry[]);
  }
}

/** At every start: the indexes of the languages this build has saved, and the shards it keeps. Requests wait for it (a few ms). */
const ready = (async () => {
  for (const [lang, ref] of refs) {
    const cache = await caches.open(languages.get(lang)!.cacheName);
    const saved = await cache.match(absolute(ref.url));
    if (!saved) continue;
    useIndex(lang, (await saved.json()) as LanguageIndex);
    await loadShards(lang, 'all', { offline: true });
  }
})().catch(() => undefined);

/**
 * A page of a saved language that this worker does not know yet (listed in a shard it has not fetched): fetch that
 * shard first, so the page is checked against this build and kept as it is read.
 */
async function knowPage(url: URL): Promise<void> {
  const { locale } = splitLocalePath(url.pathname);
  if (!locale || !indexes.has(locale) || !self.navigator.onLine) return;
  const path = `${url.pathname.replace(/^\//, '').replace(/\/?$/, '/')}index.html`;
  const g = languages.get(locale)!;
  if (g.entries.some((e) => e.url === path)) return;
  await loadShards(locale, [path]).catch(() => undefined);
}

// ---- saving ----

class GoneError extends Error {}

/** The SRI hash of bytes, as the build writes them (SHA-256). */
async function digest(bytes: BufferSource): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256-${btoa(String.fromCharCode(...hash))}`;
}

/** Fetch a file of this build: checked against its SRI hash; a server without it (404, other bytes) means a new build. */
async function fetchOfBuild(url: string, integrity: string | undefined, revisioned: boolean): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(absolute(url), {
      credentials: 'same-origin',
      cache: revisioned ? 'reload' : 'default',
      ...(integrity ? { integrity } : {}),
    });
  } catch (error) {
    // Offline, or the bytes are not this build's (SRI): only the second means the build is gone.
    if (self.navigator.onLine) throw new GoneError(`${url}: ${String(error)}`);
    throw error;
  }
  if (!response.ok) throw new GoneError(`${url}: ${response.status}`);
  return response;
}

/** Packs already downloaded during this install (the first-visit bundle): file URL → its pack. */
const prefetched = new Map<string, Pack>();

/** The stored response for a file of a pack: its text as the build wrote it, checked against its hash when it has one. */
async function fromPack(pack: Pack, entry: OfflineEntry): Promise<Response> {
  const file = pack.files.find((f) => f.url === entry.url);
  if (!file) throw new GoneError(`no pack has ${entry.url}`);
  const text = unpackText(pack, file);
  // A page put back together must be the very page the build wrote.
  if (entry.integrity && (await digest(new TextEncoder().encode(text))) !== entry.integrity)
    throw new GoneError(`${entry.url} differs from its build`);
  return new Response(text, { headers: { 'content-type': file.type } });
}

/** A file of a binary source as Pagefind reads it: its "decompressed" marker, then the file's bytes. */
function fromBinary(body: ArrayBuffer, range?: [number, number]): Response {
  const bytes = new Uint8Array(body, ...(range ? [range[0], range[1] - range[0]] : []));
  const marked = new Uint8Array(PAGEFIND_DECOMPRESSED.length + bytes.length);
  marked.set(new TextEncoder().encode(PAGEFIND_DECOMPRESSED));
  marked.set(bytes, PAGEFIND_DECOMPRESSED.length);
  return new Response(marked, { headers: { 'content-type': 'application/octet-stream' } });
}

/** Save the given entries of a group that are not in its cache yet: each source is downloaded once. Returns how many it saved. */
async function save(g: Group, entries: OfflineEntry[]): Promise<number> {
  const cache = await caches.open(g.cacheName);
  const cached = new Set((await cache.keys()).map((r) => r.url));
  const keys = g.precache.keys;
  const key = (e: OfflineEntry) => keys.get(absolute(e.url))!;
  const missing = entries.filter((e) => !cached.has(key(e)));
  const bySource = new Map<string | undefined, OfflineEntry[]>();
  for (const e of missing) {
    const pack = prefetched.get(e.url);
    if (pack) await cache.put(key(e), await fromPack(pack, e));
    else bySource.set(e.from, [...(bySource.get(e.from) ?? []), e]);
  }
  for (const [from, members] of bySource) {
    if (from === undefined) {
      for (const e of members) await cache.put(key(e), await fetchOfBuild(e.url, e.integrity, e.revision !== null));
      continue;
    }
    const source = g.sources.get(from);
    if (!source) throw new GoneError(`no source ${from}`);
    const response = await fetchOfBuild(source.url, source.integrity, false);
    if (source.format === 'binary') {
      const body = await response.arrayBuffer();
      for (const e of members) await cache.put(key(e), fromBinary(body, e.range));
    } else {
      const pack = (await response.json()) as Pack;
      for (const e of members) await cache.put(key(e), await fromPack(pack, e));
    }
  }
  return missing.length;
}

/** Does a group miss any of its files? */
async function incomplete(g: Group, entries = g.entries): Promise<boolean> {
  const cache = await caches.open(g.cacheName);
  const cached = new Set((await cache.keys()).map((r) => r.url));
  const keys = g.precache.keys;
  return entries.some((e) => !cached.has(keys.get(absolute(e.url))!));
}

/** The first-visit bundle of a language: the core's files, the language's index and its automatic tiers in one download. */
async function prefetchBundle(lang: Locale): Promise<void> {
  const ref = refs.get(lang);
  if (!ref) return;
  const pack = (await (await fetchOfBuild(ref.first, ref.firstIntegrity, false)).json()) as Pack;
  for (const file of pack.files) prefetched.set(file.url, pack);
}

/** Delete what a group's cache holds beyond this build's files. */
async function cleanUp(g: Group): Promise<void> {
  const cache = await caches.open(g.cacheName);
  const expected = new Set(g.precache.keys.values());
  for (const request of await cache.keys()) if (!expected.has(request.url)) await cache.delete(request);
}

// ---- which languages are saved, and when ----

interface SavedLanguage {
  /** ISO time the language's copy was last completed. */
  savedAt: string;
  /** The reader asked for every tier. */
  all: boolean;
}

const stateKey = (lang: Locale) => absolute(`/__offline-state__/${lang}`);

async function savedLanguages(): Promise<Map<Locale, SavedLanguage>> {
  const cache = await caches.open(stateCacheName(cacheNames));
  const saved = new Map<Locale, SavedLanguage>();
  for (const lang of languages.keys()) {
    const response = await cache.match(stateKey(lang));
    if (response) saved.set(lang, (await response.json()) as SavedLanguage);
  }
  return saved;
}

async function noteSaved(lang: Locale, state: SavedLanguage): Promise<void> {
  const cache = await caches.open(stateCacheName(cacheNames));
  await cache.put(
    stateKey(lang),
    new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }),
  );
}

/** One save per language at a time (a page's request, a repair and an install may overlap). */
const saving = new Map<Locale, Promise<void>>();

/**
 * Save a language for this build: its index, the tiers that fit the budget (every tier with `all`), and the pages
 * the reader had opened (kept from an older build's copy, or by this one), then note the date.
 */
function saveLanguage(lang: Locale, { all = false }: { all?: boolean } = {}): Promise<void> {
  const previous = saving.get(lang) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const g = languages.get(lang);
      const ref = refs.get(lang);
      if (!g || !ref) return;
      const cache = await caches.open(g.cacheName);
      let index = indexes.get(lang);
      if (!index) {
        const bundled = prefetched.get(ref.url);
        const response = bundled
          ? await fromPack(bundled, { url: ref.url, revision: null, integrity: ref.integrity })
          : await fetchOfBuild(ref.url, ref.integrity, false);
        index = (await response.clone().json()) as LanguageIndex;
        useIndex(lang, index);
        await cache.put(absolute(ref.url), response);
      }
      const before = (await savedLanguages()).get(lang);
      const everything = all || Boolean(before?.all);
      const tiers = new Set(index.tiers.filter((t) => everything || t.auto).map((t) => t.tier));
      // Pages the reader opened (kept by any build: same URL) stay saved; fetched one by one, not with their tier's pack.
      const opened = (await cache.keys()).map((r) => withoutRevision(r.url));
      const knownUrls = new Set(g.entries.map((e) => absolute(e.url)));
      const unknown = opened
        .filter((u) => !knownUrls.has(u) && u.endsWith('.html'))
        .map((u) => new URL(u).pathname.slice(1));
      await loadShards(lang, everything ? 'all' : unknown);
      const wanted = g.entries.filter((e) => !e.tier || tiers.has(e.tier));
      const openedSet = new Set(opened);
      const pages = g.entries
        .filter((e) => e.tier && !tiers.has(e.tier) && e.integrity && openedSet.has(absolute(e.url)))
        .map(({ from: _, ...e }) => e);
      const stored = await save(g, [...wanted, ...pages]);
      // The date says when the copy was saved or last brought up to date (not every check that found it complete).
      if (stored || !before || everything !== before.all)
        await noteSaved(lang, {
          savedAt: stored || !before ? new Date().toISOString() : before.savedAt,
          all: everything,
        });
    });
  saving.set(lang, next);
  return next;
}

function withoutRevision(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('__WB_REVISION__');
  return u.href;
}

/** The languages of the open pages (the first install saves what the reader is reading). */
async function languagesOfOpenPages(): Promise<Locale[]> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const found = windows
    .map((w) => splitLocalePath(new URL(w.url).pathname).locale)
    .filter((l): l is Locale => l !== undefined);
  return [...new Set(found)];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await ready;
      const before = await savedLanguages();
      const wanted = before.size ? [...before.keys()] : await languagesOfOpenPages();
      try {
        // The core and the first language in one download when both are to be fetched (always, on a first visit).
        if (wanted[0] && (await incomplete(core))) await prefetchBundle(wanted[0]);
        await save(core, core.entries);
        for (const lang of wanted) await saveLanguage(lang);
      } finally {
        prefetched.clear();
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  // Drops files of the previous build, then controls open pages (the first visit works offline without a reload).
  event.waitUntil(
    (async () => {
      await ready;
      await cleanUp(core);
      for (const [lang, g] of languages) if (indexes.has(lang)) await cleanUp(g);
      await self.clients.claim();
      await broadcastStatus();
    })(),
  );
});

// ---- answering requests ----

/** A page from the network; offline, the offline page in the URL's language. */
async function networkOrOfflinePage(request: Request, url: URL): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const fallback = await core.precache.match(`${offlinePagePath(url.pathname, self.navigator.languages)}index.html`);
    if (fallback) return fallback;
    throw error;
  }
}

/** A saved file from its group's cache; a page that is not saved from the network, or the offline page. */
async function respond(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const navigation = request.mode === 'navigate';
  // The files of the saved languages are known once their indexes are read (at the worker's start).
  await ready;
  if (navigation) await knowPage(url);
  for (const g of [core, ...languages.values()]) {
    const key = g.precache.keyFor(url);
    if (!key) continue;
    // A saved page that could not be served (missing from the cache, and the server has a newer build, or offline
    // and not saved yet): the page as the server has it now, all of one build, or the offline page; never an error.
    return navigation
      ? g.precache.handle(request, key).catch(() => networkOrOfflinePage(request, url))
      : g.precache.handle(request, key);
  }
  return navigation ? networkOrOfflinePage(request, url) : fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method === 'GET' && new URL(request.url).origin === self.location.origin)
    event.respondWith(respond(request));
});

// ---- talking to pages ----

async function status({ list = false } = {}): Promise<OfflineStatus> {
  const saved = await savedLanguages();
  const result: OfflineStatus = {};
  for (const [lang, g] of languages) {
    const ref = refs.get(lang)!;
    const index = indexes.get(lang);
    const state = saved.get(lang);
    const cache = await caches.open(g.cacheName);
    const cached = new Set((await cache.keys()).map((r) => r.url));
    const keys = g.precache.keys;
    const isCached = (e: OfflineEntry) => cached.has(keys.get(absolute(e.url))!);
    const known = index ? g.entries : [];
    // The home page first, then the others in URL order.
    const savedPages = known
      .filter((e) => e.url.endsWith('.html') && isCached(e))
      .sort(
        (a, b) =>
          Number(b.url === `${lang}/index.html`) - Number(a.url === `${lang}/index.html`) || (a.url < b.url ? -1 : 1),
      );
    // Complete: every shard is known and every file it lists is saved.
    const complete =
      Boolean(index && state) &&
      index!.shards.every((s) => known.some((e) => e.url === s.url)) &&
      known.every(isCached);
    const auto = new Set(index?.tiers.filter((t) => t.auto).map((t) => t.tier));
    const autoSaved = Boolean(state) && known.every((e) => !e.tier || !auto.has(e.tier) || isCached(e));
    const languageStatus: LanguageStatus = {
      saved: state ? savedPages.length : 0,
      pages: ref.pages,
      savedAt: state?.savedAt ?? null,
      complete,
      restBytes: complete ? 0 : autoSaved ? ref.allBytes - ref.autoBytes : ref.allBytes,
      autoBytes: ref.autoBytes,
    };
    if (list && state) {
      languageStatus.list = [];
      for (const e of savedPages) {
        const html = await (await cache.match(keys.get(absolute(e.url))!))?.text();
        const title =
          /<h1\b[^>]*>([\s\S]*?)<\/h1>/
            .exec(html ?? '')?.[1]
            ?.replace(/<[^>]+>/g, '')
            .trim() ?? e.url;
        languageStatus.list.push({ path: `/${e.url.replace(/index\.html$/, '')}`, title: decodeEntities(title) });
      }
    }
    result[lang] = languageStatus;
  }
  return result;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return named[code] ?? m;
  });
}

async function broadcastStatus(): Promise<void> {
  const message = { type: SW_STATUS_CHANGED, status: await status() };
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
    client.postMessage(message);
}

self.addEventListener('message', (event) => {
  const data = (event.data ?? {}) as { type?: unknown; lang?: unknown; all?: unknown; list?: unknown };
  if (data.type === SW_MESSAGE.skipWaiting) event.waitUntil(self.skipWaiting());
  if (data.type === SW_MESSAGE.repair) event.waitUntil(repair());
  if (data.type === SW_MESSAGE.save && isLocale(data.lang)) {
    const lang = data.lang;
    event.waitUntil(
      ready
        .then(() => saveLanguage(lang, { all: data.all === true }))
        // Files of an older build go, unless a newer worker is installing or waiting (its files share the cache).
        .then(() =>
          self.registration.installing || self.registration.waiting ? undefined : cleanUp(languages.get(lang)!),
        )
        .catch(async (error: unknown) => {
          if (error instanceof GoneError) await handOver();
        })
        .finally(broadcastStatus),
    );
  }
  if (data.type === SW_MESSAGE.status) {
    const port = event.ports[0];
    event.waitUntil(ready.then(() => status({ list: data.list === true })).then((s) => port?.postMessage(s)));
  }
});

let repairing: Promise<void> | undefined;

/** Put back saved files that have gone missing, if the server still has the same bytes; else hand over. */
function repair(): Promise<void> {
  repairing ??= (async () => {
    await ready;
    try {
      await save(core, core.entries);
      for (const [lang, state] of await savedLanguages()) await saveLanguage(lang, { all: state.all });
    } catch (error) {
      // Offline: try again from the next page. Online: the bytes changed, a new build is deployed.
      if (error instanceof GoneError) await handOver();
    }
  })().finally(() => {
    repairing = undefined;
  });
  return repairing;
}

let handingOver: Promise<void> | undefined;

/**
 * This worker's build is no longer on the server and its cache is incomplete: fetch the new worker and let it
 * take over now instead of waiting for every tab to close. Open pages get "updated — reload".
 */
function handOver(): Promise<void> {
  handingOver ??= (async () => {
    const registration = self.registration;
    await registration.update().catch(() => undefined);
    const next = registration.installing ?? registration.waiting;
    if (!next || next === registration.active) return;
    if (next.state !== 'installed') {
      await new Promise<void>((resolve) => {
        const settle = () => {
          if (
            next.state === 'installed' ||
            next.state === 'activating' ||
            next.state === 'activated' ||
            next.state === 'redundant'
          )
            resolve();
        };
        next.addEventListener('statechange', settle);
        settle();
      });
    }
    if (next.state === 'installed') next.postMessage({ type: SW_MESSAGE.skipWaiting });
  })().finally(() => {
    handingOver = undefined;
  });
  return handingOver;
}
