/**
 * Search bench: keystroke-to-results time in Chromium (cold: a fresh browser profile; warm: the same page, later
 * searches), in Chinese and English, and the bytes the first search downloads, split into Pagefind's own files
 * and ours. Targets (issue 5): warm ≤ 50 ms; our search UI code ≤ 5 KB brotli. Figures only, never a failure.
 * The queries: every sixth of tests/search-quality/queries.yaml (about 45 a language, both halves: timing is not
 * tuning). BENCH_VERBOSE=1 prints each warm query's time.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Page } from '@playwright/test';
import { loadQueries } from '../search-quality/queries.ts';
import type { BenchContext, BenchSection } from './index.ts';

const LOCALES = ['zh', 'en'] as const;
const COLD_RUNS = 3;
/** Time between keystrokes when typing, roughly a fast phone typist. */
const KEY_DELAY_MS = 60;

/** Groups of downloaded files, in report order. */
const GROUPS: [string, (path: string) => boolean][] = [
  [
    'Pagefind runtime (pagefind.js, entry, meta)',
    (p) => /^\/pagefind\/(pagefind\.js|pagefind-entry\.json|pagefind\..*\.pf_meta)$/.test(p),
  ],
  ['Pagefind wasm', (p) => /^\/pagefind\/wasm\./.test(p)],
  ['Pagefind index chunks', (p) => p.startsWith('/pagefind/index/')],
  ["Pagefind filter (each record's page)", (p) => p.startsWith('/pagefind/filter/')],
  ['Pagefind fragments', (p) => p.startsWith('/pagefind/fragment/')],
  ['ours: search UI code', (p) => p.startsWith('/_astro/')],
];

/** In the page: note when the last input event happened and when the status shows results for `query`. */
async function typeAndTime(
  page: Page,
  status: string,
  query: string,
  paste = false,
): Promise<{ fromLastKey: number; fromFirstKey: number }> {
  await page.evaluate(
    ({ status, query }) => {
      const w = window as unknown as { __bench: Promise<{ first: number; last: number; done: number }> };
      w.__bench = new Promise((resolve) => {
        let first = 0;
        let last = 0;
        const input = document.activeElement as HTMLInputElement;
        // Captured on the window, so it runs before the search UI's own listener: when the answer is already at hand
        // (cached), the UI shows it in the microtasks right after its listener, before a listener on the box would run.
        window.addEventListener(
          'input',
          (event) => {
            if (event.target !== input) return;
            last = performance.now();
            first ||= last;
          },
          true,
        );
        const target = document.querySelector(status)!;
        new MutationObserver((_, observer) => {
          if (target.getAttribute('data-query') === query && input.value === query) {
            observer.disconnect();
            resolve({ first, last, done: performance.now() });
          }
        }).observe(target, { attributes: true, attributeFilter: ['data-query'], childList: true });
      });
    },
    { status, query },
  );
  // Typed key by key, or pasted: the whole query in one input event, with no keystroke before it to warm anything up.
  if (paste) await page.keyboard.insertText(query);
  else await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  const t = await page.evaluate(
    () => (window as unknown as { __bench: Promise<{ first: number; last: number; done: number }> }).__bench,
  );
  return { fromLastKey: t.done - t.last, fromFirstKey: t.done - t.first };
}

async function clearBox(page: Page, selector: string) {
  await page.locator(selector).fill('');
  await page.locator(selector).focus();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(6)} KB`;

function sizes(dist: string, path: string): { raw: number; brotli: number } {
  const file = join(dist, decodeURIComponent(path));
  const body = readFileSync(file);
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: statSync(file).size, brotli: Math.min(brotli, body.length) };
}

async function benchLocale(context: BenchContext, locale: 'zh' | 'en') {
  const { browser, origin, dist, print } = context;
  const all = loadQueries()[locale];
  const queries = all.filter((_, i) => i % 6 === 0).map((c) => c.q);
  const box = '.site-header input[name="q"]';
  const status = '.search-live .search-status';

  // Cold: a fresh profile (empty cache) opens a guide page, focuses the header box and types the first query.
  const cold: { fromLastKey: number; fromFirstKey: number }[] = [];
  let downloads: string[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${origin}/${locale}/store/`, { waitUntil: 'networkidle' });
    const atLoad = requested.length;
    await page.locator(box).focus();
    cold.push(await typeAndTime(page, status, queries[0]!));
    await page.waitForLoadState('networkidle');
    downloads = requested.slice(atLoad);
    if (run === COLD_RUNS - 1) {
      // Warm: the same page, one query after another, each typed into the cleared box.
      const warm: number[] = [];
      const pasted: number[] = [];
      for (const query of queries.slice(1)) {
        await clearBox(page, box);
        warm.push((await typeAndTime(page, status, query)).fromLastKey);
        if (process.env['BENCH_VERBOSE']) print(`      ${query}: ${ms(warm.at(-1)!)}`);
      }
      // Pasted: other queries of the set, not typed before on this page.
      for (const query of all.filter((_, i) => i % 6 === 3).map((c) => c.q)) {
        await clearBox(page, box);
        pasted.push((await typeAndTime(page, status, query, true)).fromLastKey);
      }
      print(
        `${locale}: cold, last key → results  median ${ms(median(cold.map((c) => c.fromLastKey)))}   (first key → results ${ms(median(cold.map((c) => c.fromFirstKey)))}; ${COLD_RUNS} fresh profiles, "${queries[0]}")`,
      );
      print(
        `${locale}: warm, last key → results  median ${ms(median(warm))}   p95 ${ms(percentile(warm, 95))}   max ${ms(Math.max(...warm))}   (${warm.length} queries; target ≤ 50 ms)`,
      );
      print(
        `${locale}: warm, pasted → results    median ${ms(median(pasted))}   p95 ${ms(percentile(pasted, 95))}   max ${ms(Math.max(...pasted))}   (${pasted.length} other queries, whole at once)`,
      );
    }
    await ctx.close();
  }

  // Bytes of the first search: what was downloaded after the focus.
  // (The header's loader is part of the site's one script, src/components/client/site.ts, which every page view loads.)
  const files = [...new Set(downloads)];
  print(`${locale}: the first search downloads (sizes from dist/; brotli at quality 11, as a server would send them):`);
  let pagefindRaw = 0;
  let pagefindBrotli = 0;
  for (const [label, test] of GROUPS) {
    const group = files.filter(test);
    const total = group
      .map((p) => sizes(dist, p))
      .reduce((a, b) => ({ raw: a.raw + b.raw, brotli: a.brotli + b.brotli }), { raw: 0, brotli: 0 });
    if (!label.startsWith('ours')) {
      pagefindRaw += total.raw;
      pagefindBrotli += total.brotli;
    }
    const target = label.startsWith('ours') ? '   (target ≤ 5.0 KB brotli)' : '';
    print(
      `    ${label.padEnd(44)} ${String(group.length).padStart(2)} files ${kb(total.raw)} raw ${kb(total.brotli)} brotli${target}`,
    );
  }
  print(`    ${'Pagefind, all'.padEnd(44)}          ${kb(pagefindRaw)} raw ${kb(pagefindBrotli)} brotli`);
  const unknown = files.filter((p) => !GROUPS.some(([, test]) => test(p)));
  if (unknown.length) print(`    not grouped: ${unknown.join(', ')}`);
}

export const searchBench: BenchSection = {
  name: 'search',
  async run(context) {
    context.print(
      'Header search box on /<lang>/store/, 390 px, typing 60 ms per key; time until the results for the whole query are shown.',
    );
    for (const locale of LOCALES) await benchLocale(context, locale);
  },
};
