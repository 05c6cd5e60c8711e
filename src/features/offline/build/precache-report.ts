import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { LanguageIndex, SwManifestItem, Tier } from '../offline';

/**
 * What the built service worker saves on a reader's phone, and how much that weighs. Node-only, so the build step,
 * the tests and `npm run bench -- offline` can all use it.
 */

/** What generateServiceWorker writes, in compressed bytes as a server sends them. */
export interface OfflineReport {
  /** sw.js itself. */
  sw: number;
  /** The core group (scripts, Pagefind's loader, manifests, offline pages), saved for every language. */
  core: { files: number; bytes: number };
  languages: {
    lang: string;
    /** HTML pages of the language, and those saved on the first visit. */
    pages: number;
    autoPages: number;
    autoTiers: Tier[];
    /** Core + the language's index + its automatic tiers: what the worker downloads on a first visit. */
    firstVisit: number;
    requests: number;
    /** Left to download on request. */
    restBytes: number;
  }[];
}

/**
 * Bytes a pre-compressing server sends for a file: brotli at quality 11 (`exact`, as the peer harness and static
 * hosts that pre-compress do), or quality 9 for a quick figure (a few per cent more, tens of times faster). Files
 * over 2 MB (only at the scale of the bench) always get quality 9.
 */
export async function compressedSize(data: Buffer, { exact = true }: { exact?: boolean } = {}): Promise<number> {
  const quality = exact && data.length <= LARGE ? 11 : 9;
  const measure = () =>
    brotli(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).then((out) => Math.min(data.length, out.length));
  if (quality !== 11) return measure();
  const key = createHash('sha256').update(data).digest('base64');
  let size = sizes.get(key);
  if (!size) {
    size = measure();
    sizes.set(key, size);
  }
  return size;
}

const LARGE = 2 * 1024 * 1024;
const brotli = promisify(brotliCompress);
/** Compression at quality 11 is slow: each distinct file is measured once per process (the build plans, then reports). */
const sizes = new Map<string, Promise<number>>();

/** Files that a server sends as they are (already gzipped by Pagefind). */
const PRECOMPRESSED = /\.(?:pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

/** Compressed bytes of one built file. */
export async function sentSize(dist: string, url: string): Promise<number> {
  const data = readFileSync(join(dist, decodeURIComponent(url)));
  return PRECOMPRESSED.test(url) ? data.length : compressedSize(data);
}

/** The manifest Workbox injected into a built sw.js. */
export function manifestOf(swSource: string): SwManifestItem[] {
  // Workbox writes the entries with sorted keys: find the array around the first one.
  const start = swSource.lastIndexOf('[{"', swSource.indexOf('"kind":"file"'));
  if (start < 0 || !swSource.includes('"kind":"file"')) throw new Error('sw.js has no injected offline manifest');
  for (let end = swSource.indexOf('}]', start); end > 0; end = swSource.indexOf('}]', end + 1)) {
    try {
      return JSON.parse(swSource.slice(start, end + 2)) as SwManifestItem[];
    } catch {
      // a `}]` inside a string: keep looking
    }
  }
  throw new Error('sw.js has an unreadable offline manifest');
}

export function readManifest(dist: string): SwManifestItem[] {
  return manifestOf(readFileSync(join(dist, 'sw.js'), 'utf8'));
}

/** A language's index as the build wrote it. */
export function readLanguageIndex(dist: string, lang: string): LanguageIndex {
  const ref = readManifest(dist).find((i) => i.kind === 'language' && i.lang === lang);
  if (!ref) throw new Error(`sw.js has no language ${lang}`);
  return JSON.parse(readFileSync(join(dist, ref.url), 'utf8')) as LanguageIndex;
}

export interface Download {
  url: string;
  bytes: number;
}

/**
 * What the worker downloads to save a language (after sw.js). From nothing (a first visit): the language's bundle
 * (the core's files, the language's index and its automatic tiers' text files in one pack), then the automatic
 * tiers' WebAssembly and binary files. With the core already saved (`coreSaved`, a second language): the index, the
 * automatic tiers' pack and files. `all`: every tier, as "save all" downloads it.
 */
export async function languageDownloads(
  dist: string,
  lang: string,
  { all = false, coreSaved = false } = {},
): Promise<Download[]> {
  const manifest = readManifest(dist);
  const ref = manifest.find((i) => i.kind === 'language' && i.lang === lang);
  if (!ref || ref.kind !== 'language') throw new Error(`sw.js has no language ${lang}`);
  const index = readLanguageIndex(dist, lang);
  const auto = new Set(index.tiers.filter((t) => t.auto).map((t) => t.tier));
  const wanted = new Set(index.tiers.filter((t) => all || t.auto).map((t) => t.tier));
  const urls = coreSaved ? [ref.url] : [ref.first];
  // Saving every tier reads every shard of the language's other files first.
  const shards = all
    ? index.shards.flatMap((s) => JSON.parse(readFileSync(join(dist, s.url), 'utf8')) as LanguageIndex['entries'])
    : [];
  if (all) urls.push(...index.shards.map((s) => s.url));
  for (const e of [...index.entries, ...shards]) {
    if (!wanted.has(e.tier!)) continue;
    // The automatic tiers' pack is inside the bundle on a first visit.
    const inBundle = !coreSaved && auto.has(e.tier!) && e.from?.endsWith('.json');
    const url = e.from ?? e.url;
    if (!inBundle && !urls.includes(url)) urls.push(url);
  }
  return Promise.all(urls.map(async (url) => ({ url, bytes: await sentSize(dist, url) })));
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
