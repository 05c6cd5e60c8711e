import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PostBuildStep } from '../../../build/pipeline';
import { build } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { elements, linkHrefs, parseHtml, styleRanges } from '../../../core/html';
import { LOCALES, type Locale } from '../../../core/locales';
import {
  CORE_GLOBS,
  cutWordBreaks,
  HASHED_URL,
  LANGUAGE_COPY_BUDGET_BYTES,
  OFFLINE_SLUG,
  PACK_DIR,
  PAGEFIND_DECOMPRESSED,
  packText,
  pagefindLanguage,
  planTiers,
  PAGEFIND_DIR,
  SHARD_SIZE,
  TIERS,
  type LanguageIndex,
  type OfflineEntry,
  type OfflineSource,
  type Pack,
  type PackFile,
  type SwManifestItem,
  type Tier,
  type TierInfo,
} from '../offline';
import { compressedSize, kb, type OfflineReport } from './precache-report';

/**
 * Post-build transform, the last one: write the offline copy over the finished dist/ (after the search index, so it
 * has Pagefind's final files; see src/build/steps.ts):
 *  - packs in dist/_offline/: a JSON file of text files per group and tier, each stylesheet once per pack, Pagefind's
 *    word breaks cut out of its fragments;
 *    Pagefind's WebAssembly without its gzip wrapper (a server compresses it better);
 *  - one index per language (`_offline/<lang>.<hash>.json`): every file of the language, its tier, where its bytes
 *    come from, and which tiers fit the budget (saved at once) or not (saved on request);
 *  - dist/sw.js (../worker/service-worker.ts bundled), with Workbox's manifest: the core files, the packs that carry
 *    them and a reference (hash and size) to each language's index. sw.js stays small however many pages there are.
 */
export const serviceWorker: PostBuildStep = {
  name: 'service-worker',
  async run(site, logger) {
    if (!hasSearchIndex(site.dist)) logger.warn(`no ${PAGEFIND_DIR}/ in dist/: the offline copy has no search index`);
    const report = await generateServiceWorker({ root: site.root, dist: site.dist });
    for (const line of describeReport(report)) logger.info(line);
  },
};

/** Log lines: what a first visit saves per language, and what is left for later. */
export function describeReport(report: OfflineReport): string[] {
  return [
    `sw.js ${kb(report.sw)}; core ${report.core.files} files in ${kb(report.core.bytes)}`,
    ...report.languages.map(
      (l) =>
        `${l.lang}: a first visit saves ${l.autoPages} of ${l.pages} pages and ${l.autoTiers.join(' + ')} in ${kb(l.firstVisit)} with the core (budget ${kb(LANGUAGE_COPY_BUDGET_BYTES)}, ${l.requests} requests)` +
        (l.restBytes ? `; on request ${kb(l.restBytes)} more` : ''),
    ),
  ];
}

const TEXT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  webmanifest: 'application/manifest+json',
};

/** A file of the offline copy with the bytes the worker will store. */
interface Prepared {
  entry: OfflineEntry;
  /** Text for a pack (a page's without its stylesheets, `styles` saying where they go), or bytes for a file of its own (`direct`) or for the binary source (`binary`: Pagefind's bytes without gzip and marker). */
  text?: string;
  styles?: { css: string[]; at: number[] };
  type?: string;
  bytes?: Buffer;
  how: 'pack' | 'direct' | 'binary';
}

/** How a layout names and pins the files it writes: their real hashes, or (to measure a choice quickly) stand-ins of the same size. */
interface Pins {
  hash: (body: Buffer | string) => string;
  integrity: (body: Buffer | string) => string;
}
const REAL: Pins = { hash: (body) => contentHash(body), integrity: (body) => sri(body) };
// Stand-ins look as random as real hashes, so a pack compresses the same with them (within a few bytes).
const STAND_IN: Pins = { hash: () => contentHash('stand-in'), integrity: () => sri('stand-in') };

/** An SRI hash. SHA-256 (as the worker checks a page it puts back together): sw.js and every index list many. */
function sri(bytes: Buffer | string): string {
  return `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
}

function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

function isUtf8(bytes: Buffer, text: string): boolean {
  return Buffer.from(text, 'utf8').equals(bytes);
}

/** How a file travels and is stored: text in a pack; Pagefind's gzipped files decompressed where that pays. */
async function prepare(dist: string, entry: OfflineEntry): Promise<Prepared> {
  const bytes = await readFile(join(dist, decodeURIComponent(entry.url)));
  const ext = entry.url.split('.').pop() ?? '';
  const type = TEXT_TYPES[ext];
  if (type) {
    const text = bytes.toString('utf8');
    if (isUtf8(bytes, text)) {
      if (ext !== 'html') return { entry: { ...entry, integrity: sri(bytes) }, text, type, how: 'pack' };
      // A page's stylesheets are cut out once here; a pack holds each distinct one once.
      const css: string[] = [];
      const cut = packText(text, css, styleRanges(text));
      const styles = cut.styles
        ? { css: cut.styles.map(([i]) => css[i]!), at: cut.styles.map(([, offset]) => offset) }
        : undefined;
      return {
        entry: { ...entry, integrity: sri(bytes) },
        text: cut.text,
        ...(styles ? { styles } : {}),
        type,
        how: 'pack',
      };
    }
  }
  if (/\.pf_fragment$/.test(entry.url)) {
    // JSON behind Pagefind's marker: it travels as text in a pack and is stored decompressed, which Pagefind reads.
    const raw = gunzipSync(bytes);
    const text = raw.toString('utf8');
    if (text.startsWith(PAGEFIND_DECOMPRESSED) && isUtf8(raw, text))
      return { entry, text, type: 'application/octet-stream', how: 'pack' };
  }
  if (/^pagefind\/(?:wasm\.[^/]+\.pagefind|index\/[^/]+\.pf_index)$/.test(entry.url)) {
    // Pagefind's WebAssembly and index chunks: binary, gzipped by Pagefind; they travel in the binary source without
    // the gzip (brotli compresses them better) and are stored decompressed, behind the marker Pagefind reads.
    const raw = gunzipSync(bytes);
    if (raw.subarray(0, PAGEFIND_DECOMPRESSED.length).toString('latin1') === PAGEFIND_DECOMPRESSED) {
      return { entry, bytes: raw.subarray(PAGEFIND_DECOMPRESSED.length), how: 'binary' };
    }
  }
  // Pagefind's metadata and filters: small, binary and already gzipped; stored as the server has them.
  return { entry: { ...entry, integrity: sri(bytes) }, bytes, how: 'direct' };
}

function packOf(files: Prepared[]): string {
  const pack: Pack = { styles: [], files: [] };
  const known = new Map<string, number>();
  for (const f of files) {
    // Word breaks out (Pagefind's Chinese fragments): the words then compress against the same words on the pages.
    const { text, breaks } = cutWordBreaks(f.text!);
    const file: PackFile = { url: f.entry.url, type: f.type!, text, ...(breaks ? { breaks } : {}) };
    if (f.styles) {
      file.styles = f.styles.css.map((css, i) => {
        let index = known.get(css);
        if (index === undefined) known.set(css, (index = pack.styles.push(css) - 1));
        return [index, f.styles!.at[i]!];
      });
    }
    pack.files.push(file);
  }
  return JSON.stringify(pack);
}

/** Files of one download (a group, or a language's automatic or requested part): a pack, a binary file, files of their own. */
interface Layout {
  entries: OfflineEntry[];
  sources: OfflineSource[];
  /** The pack's JSON, if the download has text files. */
  pack?: string;
  /** The binary source's bytes, if any; and the bytes of the files that travel as they are (already gzipped). */
  binary?: Buffer;
  direct: number;
  /** Files to write into dist/. */
  writes: { url: string; body: string | Buffer }[];
  /** The shards listing the files (the part saved on request). */
  shards?: string[];
}

function layOut(name: string, files: Prepared[], pins: Pins = REAL): Layout {
  const layout: Layout = { entries: [], sources: [], direct: 0, writes: [] };
  const packed = files.filter((f) => f.how === 'pack');
  if (packed.length) {
    const json = packOf(packed);
    const url = `${PACK_DIR}/${name}.${pins.hash(json)}.json`;
    layout.pack = json;
    layout.writes.push({ url, body: json });
    layout.sources.push({ url, integrity: pins.integrity(json), format: 'pack' });
    for (const f of packed) layout.entries.push({ ...f.entry, from: url });
  }
  for (const f of files.filter((f) => f.how === 'direct')) {
    layout.entries.push(f.entry);
    layout.direct += f.bytes!.length;
  }
  // The WebAssembly module first, so the file is what its name says it starts with.
  const binary = files
    .filter((f) => f.how === 'binary')
    .sort((a, b) => Number(b.entry.url.endsWith('.pagefind')) - Number(a.entry.url.endsWith('.pagefind')));
  if (binary.length) {
    const body = Buffer.concat(binary.map((f) => f.bytes!));
    const url = `${PACK_DIR}/${name}-search.${pins.hash(body)}.wasm`;
    layout.binary = body;
    layout.writes.push({ url, body });
    layout.sources.push({ url, integrity: pins.integrity(body), format: 'binary' });
    let at = 0;
    for (const f of binary) {
      layout.entries.push({ ...f.entry, from: url, range: [at, (at += f.bytes!.length)] });
    }
  }
  return layout;
}

/**
 * Compressed bytes of downloading a layout, with `pack` instead of its own pack (the first-visit bundle) if given.
 * `exact`: brotli at quality 11, as the peer harness and pre-compressing hosts send it (what a budget is checked
 * against); otherwise quality 9, a few per cent more and many times faster (sizes shown to readers as "about").
 */
async function downloadSize(
  layout: Layout,
  { pack = layout.pack, exact = false }: { pack?: string | undefined; exact?: boolean } = {},
): Promise<number> {
  const sizes = await Promise.all(
    [...(pack ? [pack] : []), ...(layout.binary ? [layout.binary] : []), ...(layout.shards ?? [])].map((body) =>
      compressedSize(Buffer.from(body), { exact }),
    ),
  );
  return layout.direct + sizes.reduce((a, b) => a + b, 0);
}

async function write(dist: string, layouts: Layout[]): Promise<void> {
  for (const { writes } of layouts) for (const { url, body } of writes) await writeFile(join(dist, url), body);
}

async function entriesOf(dist: string, globPatterns: string[], globIgnores: string[] = []): Promise<OfflineEntry[]> {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dist,
    globPatterns,
    globIgnores,
    dontCacheBustURLsMatching: HASHED_URL,
    maximumFileSizeToCacheInBytes: 50 * 1024 * 1024,
  });
  if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);
  return (manifestEntries ?? []).map(({ url, revision }) => ({ url, revision: revision ?? null }));
}

/** The pages a reader with no data needs first: the home page, the search page and the pages the home's "no data" box links to. */
async function essentialPages(dist: string, lang: Locale): Promise<Set<string>> {
  const home = parseHtml(await readFile(join(dist, lang, 'index.html'), 'utf8'));
  const box = elements(home).find(
    (el) => el.name === 'section' && el.attribs['class']?.split(/\s+/).includes('no-data'),
  );
  const essentials = new Set([`${lang}/index.html`, `${lang}/search/index.html`]);
  for (const href of box ? linkHrefs(box) : []) {
    const page = /^\/[^#?]*\//.exec(href)?.[0];
    if (page?.startsWith(`/${lang}/`)) essentials.add(`${page.slice(1)}index.html`);
  }
  return essentials;
}

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

function tierOf(url: string, essentials: Set<string>): Tier {
  if (url.startsWith(`${PAGEFIND_DIR}/`)) return 'search';
  return essentials.has(url) ? 'essentials' : 'pages';
}

export interface GenerateOptions {
  root: string;
  dist: string;
  /** The budget of a language's first-visit copy (tests use a small one to see the tiers work). */
  budget?: number;
}

/** Write the packs, the language indexes and dist/sw.js; returns what a first visit downloads per language. */
export async function generateServiceWorker({
  root,
  dist,
  budget = LANGUAGE_COPY_BUDGET_BYTES,
}: GenerateOptions): Promise<OfflineReport> {
  await rm(join(dist, PACK_DIR), { recursive: true, force: true });
  await mkdir(join(dist, PACK_DIR), { recursive: true });
  const search = hasSearchIndex(dist)
    ? (JSON.parse(await readFile(join(dist, PAGEFIND_DIR, 'pagefind-entry.json'), 'utf8')) as PagefindEntry)
    : undefined;

  // The core group: one pack, installed with the worker.
  const coreEntries = await entriesOf(dist, [...CORE_GLOBS]);
  const offlinePages = LOCALES.map((l) => `${l}/${OFFLINE_SLUG}/index.html`);
  const missing = offlinePages.filter((page) => !coreEntries.some((e) => e.url === page));
  if (missing.length)
    throw new Error(`service worker: the offline copy lacks the offline page(s) ${missing.join(', ')}`);
  const coreFiles = await Promise.all(coreEntries.map((e) => prepare(dist, e)));
  const core = layOut('core', coreFiles);
  await write(dist, [core]);

  const manifest: SwManifestItem[] = [
    ...core.entries.map((e) => ({ kind: 'file' as const, ...e })),
    ...core.sources.map((s) => ({ kind: 'source' as const, ...s })),
  ];
  const report: OfflineReport = { sw: 0, core: { files: 0, bytes: 0 }, languages: [] };
  const languages = await Promise.all(LOCALES.map((lang) => layOutLanguage(dist, lang, search, coreFiles, budget)));
  for (const { item, line, layouts } of languages) {
    await write(dist, layouts);
    manifest.push(item);
    report.languages.push(line);
  }
  await bundleWorker(root, dist, manifest);
  report.core = { files: core.entries.length, bytes: await downloadSize(core) };
  report.sw = await compressedSize(await readFile(join(dist, 'sw.js')), { exact: true });
  return report;
}

/**
 * A language's part of the offline copy: its files in tiers, the tiers that fit the budget (saved at once, in the
 * first-visit bundle with the core), the rest (saved on request), its index.
 */
async function layOutLanguage(
  dist: string,
  lang: Locale,
  search: PagefindEntry | undefined,
  coreFiles: Prepared[],
  budget: number,
) {
  const pl = pagefindLanguage(lang);
  const wasm = search?.languages[pl] ? `wasm.${search.languages[pl].wasm ?? 'unknown'}.pagefind` : undefined;
  const entries = await entriesOf(
    dist,
    [
      `${lang}/**/index.html`,
      ...(search
        ? [`${PAGEFIND_DIR}/pagefind.${pl}_*.pf_meta`, `${PAGEFIND_DIR}/{index,fragment,filter}/${pl}_*`]
        : []),
      ...(wasm ? [`${PAGEFIND_DIR}/${wasm}`] : []),
    ],
    [`${lang}/${OFFLINE_SLUG}/**`],
  );
  const essentials = await essentialPages(dist, lang);
  const files = await Promise.all(entries.map(async (e) => prepare(dist, { ...e, tier: tierOf(e.url, essentials) })));
  const isPage = (f: Prepared) => f.entry.url.endsWith('.html');

  /**
   * Everything about saving the language with a set of automatic tiers: its packs, its index, and the first-visit
   * bundle (the core's text files, the index and the automatic tiers' text files in one pack: one request, and what
   * the pages share, such as the stylesheet, travels once).
   */
  const plan = (auto: Tier[], pins = REAL) => {
    const now = layOut(
      `${lang}-auto`,
      files.filter((f) => auto.includes(f.entry.tier!)),
      pins,
    );
    const later = layOut(
      `${lang}-rest`,
      files.filter((f) => !auto.includes(f.entry.tier!)),
      pins,
    );
    const tiers: TierInfo[] = TIERS.map((tier) => ({
      tier,
      auto: auto.includes(tier),
      pages: files.filter((f) => f.entry.tier === tier && isPage(f)).length,
    }));
    // The files saved later are listed in shards, so the index a first visit downloads does not grow with the site.
    const rest = [...later.entries].sort((a, b) => (a.url < b.url ? -1 : 1));
    const shards = Array.from({ length: Math.ceil(rest.length / SHARD_SIZE) }, (_, i) => {
      const part = rest.slice(i * SHARD_SIZE, (i + 1) * SHARD_SIZE);
      const body = JSON.stringify(part);
      return {
        ref: {
          url: `${PACK_DIR}/${lang}-files-${i}.${pins.hash(body)}.json`,
          integrity: pins.integrity(body),
          first: part[0]!.url,
        },
        body,
      };
    });
    const index: LanguageIndex = {
      lang,
      entries: now.entries,
      shards: shards.map((s) => s.ref),
      sources: [...now.sources, ...later.sources],
      tiers,
    };
    later.writes.push(...shards.map((s) => ({ url: s.ref.url, body: s.body })));
    later.shards = shards.map((s) => s.body);
    const json = JSON.stringify(index);
    const url = `${PACK_DIR}/${lang}.${pins.hash(json)}.json`;
    const indexFile: Prepared = { entry: { url, revision: null }, text: json, type: 'application/json', how: 'pack' };
    const bundle = packOf(
      [...coreFiles, indexFile, ...files.filter((f) => auto.includes(f.entry.tier!))].filter((f) => f.how === 'pack'),
    );
    const bundleUrl = `${PACK_DIR}/${lang}-first.${pins.hash(bundle)}.json`;
    return { now, later, json, url, bundle, bundleUrl };
  };
  // Each choice is laid out with stand-in hashes and its bundle measured: quality 9 first (never smaller than
  // quality 11, so a choice that fits with it fits), quality 11 only when it is close. Then the choice is laid out
  // for real and its bundle measured exactly.
  const auto = await planTiers(
    async (tiers) => {
      const p = plan(tiers, STAND_IN);
      const quick = await downloadSize(p.now, { pack: p.bundle, exact: false });
      return quick <= budget ? quick : downloadSize(p.now, { pack: p.bundle, exact: true });
    },
    0,
    budget,
  ).catch((error: Error) => {
    throw new Error(`service worker (${lang}): ${error.message}`);
  });
  const { now, later, json, url, bundle, bundleUrl } = plan(auto);
  const firstVisit = await downloadSize(now, { pack: bundle, exact: true });
  if (firstVisit > budget)
    throw new Error(
      `service worker (${lang}): a first visit would save ${kb(firstVisit)}, over the budget of ${kb(budget)}`,
    );
  const indexBytes = await compressedSize(Buffer.from(json), { exact: true });
  const autoBytes = indexBytes + (await downloadSize(now));
  const pages = files.filter(isPage).length;
  const item: SwManifestItem = {
    kind: 'language',
    url,
    integrity: sri(json),
    lang,
    first: bundleUrl,
    firstIntegrity: sri(bundle),
    autoBytes,
    allBytes: autoBytes + (await downloadSize(later)),
    pages,
  };
  const line: OfflineReport['languages'][number] = {
    lang,
    pages,
    autoPages: files.filter((f) => isPage(f) && auto.includes(f.entry.tier!)).length,
    autoTiers: auto,
    firstVisit,
    // The bundle, then the automatic tiers' binary file and files of their own.
    requests: 1 + (now.binary ? 1 : 0) + now.entries.filter((e) => !e.from).length,
    restBytes: item.allBytes - autoBytes,
  };
  return {
    item,
    line,
    layouts: [
      now,
      later,
      {
        entries: [],
        sources: [],
        direct: 0,
        writes: [
          { url, body: json },
          { url: bundleUrl, body: bundle },
        ],
      },
    ],
  };
}

/** Bundle ../worker/service-worker.ts into dist/sw.js and let Workbox inject the manifest. */
async function bundleWorker(root: string, dist: string, manifest: SwManifestItem[]): Promise<void> {
  const swDest = join(dist, 'sw.js');
  await build({
    entryPoints: [join(root, 'src/features/offline/worker/service-worker.ts')],
    outfile: swDest,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const { warnings } = await injectManifest({
    swSrc: swDest,
    swDest,
    globDirectory: dist,
    globPatterns: [`${PACK_DIR}/*.json`],
    maximumFileSizeToCacheInBytes: 1024 * 1024 * 1024,
    // The manifest is ours (core files, packs, language indexes); Workbox writes it into the worker.
    manifestTransforms: [async () => ({ manifest: manifest as never, warnings: [] })],
  });
  if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);
}

export function hasSearchIndex(dist: string): boolean {
  return existsSync(join(dist, PAGEFIND_DIR, 'pagefind-entry.json'));
}
