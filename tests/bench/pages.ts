/**
 * Page bench: what each page costs a reader on a first visit, in Chromium with an empty cache. For every page of
 * the sitemap (and the 404): bytes by type (brotli at quality 11, as a static host that pre-compresses sends them;
 * sizes from dist/), request count, DOMContentLoaded and load (Navigation Timing, median of ROUNDS fresh
 * profiles). The first view is measured with service workers blocked; the offline precache the service worker
 * downloads afterwards, in the background, is reported on its own below. Figures only, never a failure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Request } from '@playwright/test';
import { sitemapPaths } from '../e2e/site-pages.ts';
import type { BenchContext, BenchSection } from './index.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TYPES = ['document', 'stylesheet', 'script', 'image', 'other'] as const;
type Kind = (typeof TYPES)[number];
/** Goals of issue 8 for a guide page's first view. */
const GOALS = { bytes: 14 * 1024, requests: 3 };

const brotliCache = new Map<string, number>();
/** Bytes a pre-compressing host would send for a built file (brotli q11 for text; images and Pagefind's gzipped files as they are). */
function sentBytes(dist: string, pathname: string): number {
  const file = join(dist, decodeURIComponent(pathname).replace(/\/$/, '/index.html'));
  let bytes = brotliCache.get(file);
  if (bytes === undefined) {
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      body = readFileSync(join(dist, '404.html'));
    }
    const text = /\.(html|js|css|json|svg|webmanifest|xml|txt)$/.test(file) || file.endsWith('/');
    bytes = text
      ? Math.min(body.length, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)
      : body.length;
    brotliCache.set(file, bytes);
  }
  return bytes;
}

function kindOf(request: Request): Kind {
  const type = request.resourceType();
  if (type === 'document' || type === 'stylesheet' || type === 'script' || type === 'image') return type;
  // Chromium reports the favicon as "other".
  return /\.(svg|png|ico|jpe?g|webp|avif)$/.test(new URL(request.url()).pathname) ? 'image' : 'other';
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

interface PageFigures {
  bytes: Record<Kind, number>;
  total: number;
  requests: number;
  dcl: number;
  load: number;
}

async function measure(context: BenchContext, path: string): Promise<PageFigures> {
  const { browser, origin, dist } = context;
  const runs: PageFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await ctx.newPage();
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    const bytes = Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<Kind, number>;
    for (const r of requests) bytes[kindOf(r)] += sentBytes(dist, new URL(r.url()).pathname);
    runs.push({ bytes, total: TYPES.reduce((s, t) => s + bytes[t], 0), requests: requests.length, ...timing });
    await ctx.close();
  }
  const pick = (f: (p: PageFigures) => number) => median(runs.map(f));
  return {
    bytes: Object.fromEntries(TYPES.map((t) => [t, pick((p) => p.bytes[t])])) as Record<Kind, number>,
    total: pick((p) => p.total),
    requests: pick((p) => p.requests),
    dcl: pick((p) => p.dcl),
    load: pick((p) => p.load),
  };
}

/** What the service worker downloads after a first visit to `path`: files and bytes, in the background. */
async function precacheDownload(
  context: BenchContext,
  path: string,
): Promise<{ requests: number; bytes: number; seconds: number }> {
  const { browser, origin, dist } = context;
  const ctx = await browser.newContext();
  const worker: string[] = [];
  ctx.on('request', (r) => {
    if (r.serviceWorker()) worker.push(new URL(r.url()).pathname);
  });
  const page = await ctx.newPage();
  const start = Date.now();
  await page.goto(`${origin}${path}`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const seconds = (Date.now() - start) / 1000;
  await ctx.close();
  return { requests: worker.length, bytes: worker.reduce((s, p) => s + sentBytes(dist, p), 0), seconds };
}

export const pagesBench: BenchSection = {
  name: 'pages',
  async run(context) {
    const { print } = context;
    const pages = [...sitemapPaths(), '/404.html'];
    print(
      `First view of each page: fresh profile, 390 px, service worker blocked; median of ${ROUNDS} loads (/ goes on to /zh/). Bytes are what a`,
    );
    print(
      'pre-compressing host sends (brotli q11; KB = 1024 bytes). DCL / load: Navigation Timing, ms from navigation start.',
    );
    print('');
    const head = ['page', ...TYPES.map((t) => `${t} KB`), 'total KB', 'requests', 'DCL ms', 'load ms'];
    print(head.map((h, i) => (i === 0 ? h.padEnd(30) : h.padStart(i <= TYPES.length + 1 ? 12 : 9))).join(''));
    const guides: PageFigures[] = [];
    for (const path of pages) {
      const f = await measure(context, path);
      if (/^\/(zh|en)\/[a-z-]+\/$/.test(path) && !/\/(search|offline|show-shopkeeper)\/$/.test(path)) guides.push(f);
      print(
        [
          path.padEnd(30),
          ...TYPES.map((t) => kb(f.bytes[t]).padStart(12)),
          kb(f.total).padStart(12),
          String(f.requests).padStart(9),
          f.dcl.toFixed(0).padStart(9),
          f.load.toFixed(0).padStart(9),
        ].join(''),
      );
    }
    if (guides.length) {
      const mean = (g: (p: PageFigures) => number) => guides.reduce((s, p) => s + g(p), 0) / guides.length;
      const max = (g: (p: PageFigures) => number) => Math.max(...guides.map(g));
      print('');
      print(
        `guide pages (${guides.length}): mean ${kb(mean((p) => p.total))} KB, largest ${kb(max((p) => p.total))} KB (goal ≤ ${kb(GOALS.bytes)} KB of HTML + CSS, tested);`,
      );
      print(
        `  requests mean ${mean((p) => p.requests).toFixed(1)}, most ${max((p) => p.requests)} (goal ≤ ${GOALS.requests}); DCL mean ${mean((p) => p.dcl).toFixed(0)} ms, load mean ${mean((p) => p.load).toFixed(0)} ms`,
      );
    }
    const sw = await precacheDownload(context, '/zh/store/');
    print('');
    print(`After the first view, in the background, the service worker saves the whole site for offline use:`);
    print(
      `  ${sw.requests} requests, ${kb(sw.bytes)} KB (brotli / as sent), done ${sw.seconds.toFixed(1)} s after navigation on loopback (see also the offline section).`,
    );
  },
};
