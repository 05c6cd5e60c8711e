import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { generateServiceWorker } from '../../src/features/offline/build/service-worker';
import {
  languageDownloads,
  readLanguageIndex,
  readManifest,
  type OfflineReport,
} from '../../src/features/offline/build/precache-report';
import {
  HASHED_URL,
  LANGUAGE_COPY_BUDGET_BYTES,
  PACK_DIR,
  PAGEFIND_DECOMPRESSED,
  savedUrlVariants,
  PAGEFIND_DIR,
  SHARD_SIZE,
  unpackText,
  WORD_BREAK,
  type LanguageIndex,
  type OfflineEntry,
  type Pack,
  type SwManifestItem,
} from '../../src/features/offline/offline';
import { DIST, ROOT } from './helpers/site';

const LANGS = [
  { lang: 'zh', pagefind: 'zh-cn', wasm: 'wasm.unknown.pagefind' },
  { lang: 'en', pagefind: 'en', wasm: 'wasm.en.pagefind' },
] as const;

/** Files of a built folder, relative (`zh/store/index.html`). */
function filesIn(dist: string, dir = ''): string[] {
  return readdirSync(join(dist, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dist.length + 1)
        .replace(/\\/g, '/'),
    )
    .sort();
}

const sri = (bytes: Buffer | string) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/** What the worker stores for a saved file: the built bytes, decompressed for Pagefind's fragments and WebAssembly. */
function storedBytes(dist: string, url: string): Buffer {
  const bytes = readFileSync(join(dist, url));
  return /\.(pf_fragment|pf_index|pagefind)$/.test(url) ? gunzipSync(bytes) : bytes;
}

/** Which saved URL the worker answers a request with (worker/precache.ts: the first of savedUrlVariants it has). */
function savedUrlFor(request: string, saved: readonly string[]): string | undefined {
  const keys = new Set(saved.map((url) => new URL(url, 'http://127.0.0.1/').href));
  const found = savedUrlVariants(new URL(request, 'http://127.0.0.1/')).find((variant) => keys.has(variant));
  return found && new URL(found).pathname;
}

function coreFiles(manifest: SwManifestItem[]): Extract<SwManifestItem, { kind: 'file' }>[] {
  return manifest.filter((i): i is Extract<SwManifestItem, { kind: 'file' }> => i.kind === 'file');
}

describe('the offline copy of the built site (dist/sw.js and dist/_offline/)', () => {
  const manifest = readManifest(DIST);
  const indexes = Object.fromEntries(LANGS.map(({ lang }) => [lang, readLanguageIndex(DIST, lang)])) as Record<
    string,
    LanguageIndex
  >;
  const packs = filesIn(DIST, PACK_DIR).filter((f) => f.endsWith('.json') && !/^_offline\/(zh|en)\.\w+\.json$/.test(f));

  it("sw.js lists the core: every script, the favicon, the manifests, `/`, every offline page and Pagefind's loader; then one index per language", () => {
    const scripts = filesIn(DIST, '_astro');
    const expected = [
      ...scripts,
      'favicon.svg',
      'index.html',
      ...LANGS.flatMap(({ lang }) => [`${lang}/manifest.webmanifest`, `${lang}/offline/index.html`]),
      ...['pagefind.js', 'pagefind-entry.json'].map((f) => `${PAGEFIND_DIR}/${f}`),
    ];
    expect(
      coreFiles(manifest)
        .map((e) => e.url)
        .sort(),
    ).toEqual(expected.sort());
    expect(manifest.filter((i) => i.kind === 'language').map((i) => i.kind === 'language' && i.lang)).toEqual([
      'zh',
      'en',
    ]);
    // sw.js does not grow with the pages: no page of a language is in it.
    expect(coreFiles(manifest).filter((e) => /^(zh|en)\/(?!offline\/|manifest)/.test(e.url))).toEqual([]);
  });

  it.each(LANGS)(
    'the $lang index holds every page of its language and its own search files, and nothing of the other language',
    ({ lang, pagefind: pl, wasm }) => {
      const pages = filesIn(DIST, lang).filter((f) => f.endsWith('.html') && !f.startsWith(`${lang}/offline/`));
      const search = filesIn(DIST, PAGEFIND_DIR).filter(
        (f) =>
          new RegExp(`^pagefind/(pagefind\\.${pl}_|(index|fragment|filter)/${pl}_)`).test(f) ||
          f === `pagefind/${wasm}`,
      );
      expect(search.length).toBeGreaterThan(3);
      expect(indexes[lang]!.entries.map((e) => e.url).sort()).toEqual([...pages, ...search].sort());
    },
  );

  it('pins every saved file to this build: each pack and binary file by its SRI hash, pages and scripts by their own, unhashed files by a revision', () => {
    const sources = [
      ...manifest.filter((i) => i.kind === 'source'),
      ...Object.values(indexes).flatMap((i) => i.sources),
    ];
    expect(sources.length).toBeGreaterThan(4);
    for (const source of sources) expect(source.integrity, source.url).toBe(sri(readFileSync(join(DIST, source.url))));
    for (const ref of manifest.filter((i) => i.kind === 'language')) {
      if (ref.kind !== 'language') continue;
      expect(ref.integrity).toBe(sri(readFileSync(join(DIST, ref.url))));
      expect(ref.firstIntegrity).toBe(sri(readFileSync(join(DIST, ref.first))));
    }
    const entries: OfflineEntry[] = [...coreFiles(manifest), ...Object.values(indexes).flatMap((i) => i.entries)];
    for (const entry of entries) {
      // An SRI hash of its own wherever the stored bytes are the served bytes (a missing page is fetched and checked).
      if (entry.integrity) expect(entry.integrity, entry.url).toBe(sri(readFileSync(join(DIST, entry.url))));
      else
        expect(entry.url, "only Pagefind's decompressed files go without").toMatch(
          /\.(pf_fragment|pf_index|pagefind)$/,
        );
      if (HASHED_URL.test(entry.url)) expect(entry.revision, entry.url).toBeNull();
      else expect(entry.revision, entry.url).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("every pack gives back its files byte for byte, holds each stylesheet once however many pages use it, and no word break of Pagefind's", () => {
    expect(packs.length).toBeGreaterThanOrEqual(5);
    let pages = 0;
    let breaks = 0;
    for (const url of packs) {
      const json = readFileSync(join(DIST, url), 'utf8');
      const pack = JSON.parse(json) as Pack;
      // The pages' <style> contents are cut out into `styles`, each distinct stylesheet once.
      expect(new Set(pack.styles).size, url).toBe(pack.styles.length);
      for (const file of pack.files) {
        if (file.url.startsWith(PACK_DIR)) continue; // a language's index inside its first-visit bundle
        expect(Buffer.from(unpackText(pack, file)).equals(storedBytes(DIST, file.url)), `${url}: ${file.url}`).toBe(
          true,
        );
        // Pagefind's Chinese fragments separate words by WORD_BREAK: cut out, they compress against the pages.
        expect(file.text, file.url).not.toContain(WORD_BREAK);
        if (file.breaks) breaks++;
        if (file.url.endsWith('.html')) {
          pages++;
          expect(file.text, file.url).not.toMatch(/<style\b[^>]*>[^<]/);
        }
      }
    }
    expect(pages).toBeGreaterThan(20);
    expect(breaks).toBeGreaterThan(10);
  });

  it("Pagefind's WebAssembly and index chunks travel without their gzip wrappers in one .wasm file (a server compresses it better) and are stored as Pagefind reads them", () => {
    for (const { lang, wasm } of LANGS) {
      const binary = indexes[lang]!.entries.filter((e) => e.range);
      const module = binary.find((e) => e.url === `${PAGEFIND_DIR}/${wasm}`)!;
      expect(module.from, wasm).toMatch(new RegExp(`^${PACK_DIR}/${lang}-\\w+-search\\.\\w+\\.wasm$`));
      const body = readFileSync(join(DIST, module.from!));
      // The file starts with the WebAssembly module, as its name says.
      expect(module.range![0]).toBe(0);
      expect(body.subarray(0, 4).toString('latin1')).toBe('\0asm');
      const chunks = binary.filter((e) => e.url.startsWith(`${PAGEFIND_DIR}/index/`));
      expect(chunks.length, lang).toBeGreaterThan(0);
      for (const entry of [module, ...chunks]) {
        expect(entry.from).toBe(module.from);
        const bytes = body.subarray(...entry.range!);
        expect(
          Buffer.concat([Buffer.from(PAGEFIND_DECOMPRESSED), bytes]).equals(storedBytes(DIST, entry.url)),
          entry.url,
        ).toBe(true);
      }
      expect(binary.reduce((n, e) => n + e.range![1] - e.range![0], 0)).toBe(body.length);
    }
  });

  it.each(LANGS)(
    `on the real site one visit saves every $lang page and the search, within ${LANGUAGE_COPY_BUDGET_BYTES / 1024} KB`,
    async ({ lang }) => {
      // If this fails after adding content: the language no longer fits the budget whole, so a first visit saves only some
      // tiers and the rest waits for the reader. Decide: trim, raise LANGUAGE_COPY_BUDGET_BYTES (and check the 200 KB
      // first visit in tests/unit/budgets.test.ts), or accept it and change this test and tests/e2e/offline.spec.ts.
      expect(indexes[lang]!.tiers.map((t) => [t.tier, t.auto])).toEqual([
        ['essentials', true],
        ['search', true],
        ['pages', true],
      ]);
      const total = (await languageDownloads(DIST, lang)).reduce((sum, d) => sum + d.bytes, 0);
      expect(total).toBeLessThanOrEqual(LANGUAGE_COPY_BUDGET_BYTES);
    },
  );

  it('answers shared and cache-busted URLs from the saved files: ?q=, ?ts=, utm_…, a missing final slash', () => {
    const urls = [...coreFiles(manifest), ...Object.values(indexes).flatMap((i) => i.entries)].map((e) => e.url);
    expect(savedUrlFor('/zh/store/?q=营业厅', urls)).toBe('/zh/store/index.html');
    expect(savedUrlFor('/en/manifest.webmanifest?ts=1764180000000', urls)).toBe('/en/manifest.webmanifest');
    expect(savedUrlFor(`/pagefind/pagefind-entry.json?ts=${Date.now()}`, urls)).toBe('/pagefind/pagefind-entry.json');
    expect(savedUrlFor('/en/?utm_source=share', urls)).toBe('/en/index.html');
    expect(savedUrlFor('/en/store', urls)).toBe('/en/store/index.html');
    expect(savedUrlFor('/en/not-a-page/', urls)).toBeUndefined();
  });
});

/**
 * The same build step over a copy of dist/ with a budget too small for a whole language, as a site of a thousand
 * guides would have: the essentials are saved at once, the rest waits for the reader, and the build says so.
 */
describe('the offline copy of a site bigger than its budget', () => {
  let dist: string;
  let report: OfflineReport;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'topup-sw-'));
    cpSync(DIST, dist, { recursive: true });
    if (!existsSync(join(dist, 'pagefind/pagefind-entry.json'))) {
      const { index, errors } = await pagefind.createIndex({});
      expect(errors).toEqual([]);
      await index!.addDirectory({ path: dist });
      await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
      await pagefind.close();
    }
    // Above either language's essentials with the core (about 52 KB), below the next choice (about 55 KB for
    // English essentials and pages): each language saves its essentials only.
    report = await generateServiceWorker({ root: ROOT, dist, budget: 53 * 1024 });
  }, 120_000);

  afterAll(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it.each(LANGS)(
    '$lang: a first visit saves the essentials (home, search page, the "no data" pages) within the budget; the rest is on request',
    async ({ lang }) => {
      const index = readLanguageIndex(dist, lang);
      expect(index.tiers.find((t) => t.tier === 'essentials')).toMatchObject({ auto: true });
      expect(index.tiers.filter((t) => !t.auto).length).toBeGreaterThan(0);
      const essentials = index.entries.filter((e) => e.tier === 'essentials').map((e) => e.url);
      expect(essentials).toEqual(
        expect.arrayContaining([
          `${lang}/index.html`,
          `${lang}/search/index.html`,
          `${lang}/store/index.html`,
          `${lang}/show-shopkeeper/index.html`,
        ]),
      );
      expect(essentials).not.toContain(`${lang}/atm-bank/index.html`);
      const first = await languageDownloads(dist, lang);
      expect(first.reduce((sum, d) => sum + d.bytes, 0)).toBeLessThanOrEqual(53 * 1024);
      const line = report.languages.find((l) => l.lang === lang)!;
      expect(line.restBytes).toBeGreaterThan(0);
      expect(line.autoPages).toBeLessThan(line.pages);
      // The other files are listed in shards (fetched when the reader opens a page, or saves all), each pinned by its
      // hash; together with the index they list every file of the language once.
      const shardEntries = index.shards.flatMap((shard) => {
        const body = readFileSync(join(dist, shard.url));
        expect(shard.integrity).toBe(sri(body));
        const entries = JSON.parse(body.toString('utf8')) as OfflineEntry[];
        expect(entries.length).toBeLessThanOrEqual(SHARD_SIZE);
        expect(entries[0]!.url).toBe(shard.first);
        return entries;
      });
      expect(shardEntries.map((e) => e.url).sort()).toEqual(shardEntries.map((e) => e.url));
      const all = [...index.entries, ...shardEntries].map((e) => e.url).sort();
      expect(all).toEqual(
        readLanguageIndex(DIST, lang)
          .entries.map((e) => e.url)
          .sort(),
      );
      expect(shardEntries.find((e) => e.url === `${lang}/atm-bank/index.html`)?.integrity).toBe(
        sri(readFileSync(join(dist, lang, 'atm-bank/index.html'))),
      );
      const everything = await languageDownloads(dist, lang, { all: true });
      expect(everything.length).toBeGreaterThan(first.length);
    },
  );
});
