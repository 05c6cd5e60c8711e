/// <reference lib="webworker" />
/**
 * The offline service worker, bundled by src/integrations/service-worker.ts after the search index is written;
 * Workbox replaces `self.__WB_MANIFEST` with the list of saved files and their revisions (and SRI hashes).
 *
 * - Every saved file is answered from the precache, so a page and its scripts always come from one build.
 * - A new worker installs beside the old one and waits: the page offers "updated — reload" and, on a click (or
 *   at the reader's next link), sends SKIP_WAITING. It never activates itself mid-visit.
 * - A navigation to a page that is not saved goes to the network; offline, it gets /<lang>/offline/.
 * - A broken cache recovers. A saved file that has gone missing (evicted, deleted) is fetched again and checked
 *   against its build-time SRI hash (Workbox puts it back); a page asks for REPAIR_PRECACHE after it loads, which
 *   refetches every missing file the same way. If the server no longer has those bytes (a new build is deployed),
 *   this worker cannot serve its build any more: it fetches the new worker and hands over to it at once.
 */
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import type { WorkboxPlugin } from 'workbox-core/types';
import { offlinePagePath, PRECACHE_ROUTE_OPTIONS, SW_MESSAGE } from '../lib/offline';

declare let self: ServiceWorkerGlobalScope;

/** A saved file missing from the cache that the server cannot give back as it was: this build is gone. */
const brokenCachePlugin: WorkboxPlugin = {
  fetchDidSucceed: async ({ response, event }) => {
    if (event.type === 'fetch' && !response.ok) void handOver();
    return response;
  },
  fetchDidFail: async ({ event }) => {
    if (event.type === 'fetch' && self.navigator.onLine) void handOver();
  },
};

const precache = new PrecacheController({ plugins: [brokenCachePlugin] });
precache.addToCacheList(self.__WB_MANIFEST);

self.addEventListener('install', (event) => {
  // install() calls event.waitUntil itself; a failed download fails the install and the old worker stays.
  void precache.install(event);
});

self.addEventListener('activate', (event) => {
  // Drops files of the previous build, then controls open pages (the first visit works offline without a reload).
  void precache.activate(event);
  event.waitUntil(self.clients.claim());
});

registerRoute(new PrecacheRoute(precache, PRECACHE_ROUTE_OPTIONS));

/** A page from the network; offline, the offline page in the URL's language. */
async function networkOrOfflinePage({ request, url }: { request: Request; url: URL }): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const fallback = await precache.matchPrecache(
      `${offlinePagePath(url.pathname, self.navigator.languages)}index.html`,
    );
    if (fallback) return fallback;
    throw error;
  }
}

// Pages that are not saved.
registerRoute(({ request }) => request.mode === 'navigate', networkOrOfflinePage);

// A saved page that could not be served (missing from the cache, and the server has a newer build): the page as the
// server has it now, all of one build, rather than an error.
setCatchHandler(async ({ request, url }) =>
  request.mode === 'navigate' ? networkOrOfflinePage({ request, url }) : Response.error(),
);

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === SW_MESSAGE.skipWaiting) event.waitUntil(self.skipWaiting());
  if (type === SW_MESSAGE.repair) event.waitUntil(repair());
});

let repairing: Promise<void> | undefined;

/** Put back saved files that have gone missing, if the server still has the same bytes; else hand over. */
function repair(): Promise<void> {
  repairing ??= (async () => {
    const cache = await caches.open(precache.strategy.cacheName);
    let gone = false;
    for (const [url, cacheKey] of precache.getURLsToCacheKeys()) {
      if (await cache.match(cacheKey)) continue;
      const integrity = precache.getIntegrityForCacheKey(cacheKey);
      try {
        const response = await fetch(url, {
          cache: 'no-cache',
          credentials: 'same-origin',
          ...(integrity ? { integrity } : {}),
        });
        if (response.ok) await cache.put(cacheKey, response);
        else gone = true;
      } catch {
        // Offline: try again from the next page. Online: the bytes changed, a new build is deployed.
        if (self.navigator.onLine) gone = true;
      }
    }
    if (gone) await handOver();
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
