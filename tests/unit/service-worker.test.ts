import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as pagefind from 'pagefind';
import { generateURLVariations } from 'workbox-precaching/utils/generateURLVariations.js';
import { generateServiceWorker } from '../../src/integrations/service-worker';
import {
  manifestOf,
  PRECACHE_BUDGET_BYTES,
  readPrecache,
  type PrecacheEntry,
} from '../../src/integrations/precache-report';
import { HASHED_URL, PRECACHE_ROUTE_OPTIONS, SEARCH_DIR } from '../../src/lib/offline';
import { builtPages, DIST, ROOT } from './helpers/site';

/** The precache manifest of a built sw.js, as URLs relative to the site root. */
function precacheOf(dist: string): PrecacheEntry[] {
  return manifestOf(readFileSync(join(dist, 'sw.js'), 'utf8'));
}

/** Which saved URL the worker answers a request with, by Workbox's own matching and our route options. */
function savedUrlFor(request: string, saved: readonly string[]): string | undefined {
  vi.stubGlobal('location', new URL('http://127.0.0.1/sw.js'));
  try {
    const keys = new Set(saved.map((url) => new URL(url, 'http://127.0.0.1/').href));
    for (const variant of generateURLVariations(new URL(request, 'http://127.0.0.1/').href, PRECACHE_ROUTE_OPTIONS)) {
      if (keys.has(variant)) return new URL(variant).pathname;
    }
    return undefined;
  } finally {
    vi.unstubAllGlobals();
  }
}

describe('the generated service worker (dist/sw.js)', () => {
  const entries = precacheOf(DIST);
  const urls = entries.map((e) => e.url);

  it('saves every page of both languages, every bundled script, the search index, the icons and the manifests', () => {
    const pages = builtPages().map((p) => `${p.slice(1)}${p.endsWith('/') ? 'index.html' : ''}`);
    expect(pages).toEqual(
      expect.arrayContaining(['zh/index.html', 'en/index.html', 'zh/offline/index.html', 'en/offline/index.html']),
    );
    const scripts = readdirSync(join(DIST, '_astro')).map((f) => `_astro/${f}`);
    const icons = readdirSync(join(DIST, 'icons')).map((f) => `icons/${f}`);
    // The search integration writes only the files search needs (Pagefind's ready-made UIs are deleted).
    const search = readdirSync(join(DIST, SEARCH_DIR), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(DIST.length + 1));
    expect(search).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']));
    expect(urls.sort()).toEqual(
      [
        ...pages,
        ...scripts,
        ...search,
        ...icons,
        'favicon.svg',
        'zh/manifest.webmanifest',
        'en/manifest.webmanifest',
      ].sort(),
    );
  });

  it('pins each saved file to the bytes of this build (SRI hash) and versions the unhashed ones', () => {
    for (const entry of entries) {
      const hash = createHash('sha384')
        .update(readFileSync(join(DIST, entry.url)))
        .digest('base64');
      expect(entry.integrity, entry.url).toBe(`sha384-${hash}`);
      if (HASHED_URL.test(entry.url)) expect(entry.revision, entry.url).toBeNull();
      else expect(entry.revision, entry.url).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it(`keeps the whole precache under ${PRECACHE_BUDGET_BYTES / 1024} KB compressed`, () => {
    expect(readPrecache(DIST).compressed).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
  });

  it('answers shared and cache-busted URLs from the saved files: ?q=, ?ts=, utm_…, a missing final slash', () => {
    expect(savedUrlFor('/zh/store/?q=营业厅', urls)).toBe('/zh/store/index.html');
    expect(savedUrlFor('/en/manifest.webmanifest?ts=1764180000000', urls)).toBe('/en/manifest.webmanifest');
    expect(savedUrlFor('/en/?utm_source=share', urls)).toBe('/en/index.html');
    expect(savedUrlFor('/en/store', urls)).toBe('/en/store/index.html');
    expect(savedUrlFor('/en/not-a-page/', urls)).toBeUndefined();
  });
});

/**
 * With the search index: Pagefind 1.6 writes dist/pagefind/ (the `search-index` integration does it in the real
 * build, before the worker). Here a copy of dist/ gets a real Pagefind index, then the worker is generated over it.
 */
describe('the generated service worker over a Pagefind index', () => {
  let dist: string;
  let entries: PrecacheEntry[];

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
    await generateServiceWorker({ root: ROOT, dist });
    entries = precacheOf(dist);
  });

  afterAll(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('saves every file Pagefind needs to search each language, and none of its optional UI bundles', () => {
    const urls = entries.map((e) => e.url);
    const search = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' })
      .map((f) => `pagefind/${f.replace(/\\/g, '/')}`)
      .filter((f) => /\.(js|json|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/.test(f));
    const ui = search.filter((f) => /pagefind-(ui|component-ui|modular-ui|highlight)/.test(f));
    const needed = search.filter((f) => !ui.includes(f));
    expect(needed).toEqual(
      expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-entry.json']),
    );
    expect(urls).toEqual(expect.arrayContaining(needed));
    for (const file of ui) expect(urls).not.toContain(file);

    // Each language's metadata, index and WebAssembly file, as pagefind-entry.json names them.
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string | null }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    for (const { hash, wasm } of Object.values(entry.languages)) {
      expect(urls).toContain(`pagefind/pagefind.${hash}.pf_meta`);
      expect(urls).toContain(`pagefind/wasm.${wasm ?? 'unknown'}.pagefind`);
    }
  });

  it("answers Pagefind's pagefind-entry.json?ts=… from the precache (Pagefind adds a timestamp to every load)", () => {
    const urls = entries.map((e) => e.url);
    expect(savedUrlFor(`/pagefind/pagefind-entry.json?ts=${Date.now()}`, urls)).toBe('/pagefind/pagefind-entry.json');
  });

  it(`still keeps the whole precache, search index included, under ${PRECACHE_BUDGET_BYTES / 1024} KB compressed`, () => {
    expect(readPrecache(dist).compressed).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
  });
});
