/// <reference lib="webworker" />
import { cacheKeyOf, savedUrlVariants, type OfflineEntry } from '../offline';

declare let self: ServiceWorkerGlobalScope;

/**
 * One group's saved files, in a cache of its own: each file's cache key (cacheKeyOf) and SRI hash, which saved file
 * answers a request (savedUrlVariants), and the answer: the saved response; if it has gone missing, the file from the
 * network, checked against its hash and kept again. The worker saves and cleans up the files itself
 * (./service-worker.ts), so this is all it needs of a precache. It replaces Workbox's PrecacheController,
 * PrecacheRoute and Router, of which the worker used only these parts, and which were 4 KB of the 9.5 KB sw.js
 * (brotli). Tested in Chromium by tests/e2e/offline.spec.ts (a missing file fetched back and kept; a failed fetch
 * handing over to a new build; query strings; a folder without its final slash; the offline page) and
 * tests/cdn/browser.spec.ts (a missing page fetched back through a redirect).
 */
export class Precache {
  /** Absolute file URL → its cache key, for every file of the group this worker knows. */
  readonly keys = new Map<string, string>();
  private readonly integrities = new Map<string, string>();

  /**
   * `fetched` hears of every file fetched from the network because it was missing from the cache: the response, or
   * `undefined` when the fetch failed.
   */
  constructor(
    readonly cacheName: string,
    private readonly fetched: (response: Response | undefined) => void,
  ) {}

  add(entries: readonly OfflineEntry[]): void {
    for (const entry of entries) {
      const key = cacheKeyOf(entry, self.location.href);
      this.keys.set(new URL(entry.url, self.location.href).href, key);
      if (entry.integrity) this.integrities.set(key, entry.integrity);
    }
  }

  /** The cache key of the saved file that answers a request for `url`, if the group has one. */
  keyFor(url: URL): string | undefined {
    for (const variant of savedUrlVariants(url)) {
      const key = this.keys.get(variant);
      if (key) return key;
    }
    return undefined;
  }

  /** The saved response of a file of the group (`path` as listed, or absolute), if it is in the cache. */
  async match(path: string): Promise<Response | undefined> {
    const key = this.keys.get(new URL(path, self.location.href).href);
    return key ? (await caches.open(this.cacheName)).match(key) : undefined;
  }

  /**
   * The answer to `request` for the saved file `key`: the saved response; else the network's, fetched with the file's
   * SRI hash (unless the request brings its own) and kept when the hash checked it. Rejects when the fetch fails.
   */
  async handle(request: Request, key: string): Promise<Response> {
    const cache = await caches.open(this.cacheName);
    const saved = await cache.match(key);
    if (saved) return saved;
    const integrity = this.integrities.get(key);
    // Kept only when checked against this build's hash (a request pinned to another hash is answered, not kept).
    const checked = Boolean(integrity) && request.mode !== 'no-cors' && (request.integrity || integrity) === integrity;
    const pin = request.mode === 'no-cors' ? '' : request.integrity || integrity;
    let response: Response;
    try {
      response = await fetch(pin ? new Request(request, { integrity: pin }) : request);
    } catch (error) {
      this.fetched(undefined);
      throw error;
    }
    this.fetched(response);
    if (checked && response.ok) {
      // A redirected response cannot answer a navigation: keep a copy that does not say it was redirected.
      const copy = response.redirected ? new Response(await response.clone().blob(), response) : response.clone();
      await cache.put(key, copy);
    }
    return response;
  }
}
