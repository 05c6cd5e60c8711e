import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * What the built service worker saves on a reader's phone, and how much that weighs. Node-only and free of other
 * project imports, so the build step, the tests and `npm run bench:offline` can all use it.
 */

/** The whole precache, compressed as a server sends it, must stay under this (issue 6). */
export const PRECACHE_BUDGET_BYTES = 600 * 1024;

export interface PrecacheEntry {
  url: string;
  revision: string | null;
  integrity?: string;
}

export interface PrecacheFile {
  url: string;
  bytes: number;
  /** Brotli size; files already gzipped by Pagefind count as they are. */
  compressed: number;
}

export interface PrecacheReport {
  files: PrecacheFile[];
  bytes: number;
  compressed: number;
}

/** The manifest Workbox injected into a built sw.js. */
export function manifestOf(swSource: string): PrecacheEntry[] {
  const start = swSource.indexOf('[{"integrity":');
  const end = swSource.indexOf('}]', start);
  if (start < 0 || end < 0) throw new Error('sw.js has no injected precache manifest');
  return JSON.parse(swSource.slice(start, end + 2)) as PrecacheEntry[];
}

/** Sizes of the given files of dist/, raw and compressed as a server sends them. */
export function measure(root: string, urls: readonly string[]): PrecacheReport {
  const files = urls.map((url) => {
    const data = readFileSync(join(root, decodeURIComponent(url)));
    const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { url, bytes: data.length, compressed: Math.min(data.length, brotli) };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    compressed: files.reduce((sum, f) => sum + f.compressed, 0),
  };
}

/** The precache of a built site (dist/ with sw.js). */
export function readPrecache(root: string): PrecacheReport {
  const entries = manifestOf(readFileSync(join(root, 'sw.js'), 'utf8'));
  return measure(
    root,
    entries.map((e) => e.url),
  );
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
