import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { LOCALES } from '../lib/locales';
import { HASHED_URL, OFFLINE_SLUG, SEARCH_DIR, SEARCH_GLOB, SITE_GLOBS } from '../lib/offline';
import { kb, manifestOf, measure, PRECACHE_BUDGET_BYTES, type PrecacheReport } from './precache-report';

/**
 * The last build step: write dist/sw.js, the offline service worker, over the finished dist/. It must run after
 * the search index (integration `search-index`), so the precache lists Pagefind's final files: register it last
 * in astro.config.ts.
 */
export function serviceWorker(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        if (!hasSearchIndex(dist))
          logger.warn(
            `no ${SEARCH_DIR}/ in dist/: the precache has no search index (is search-index registered before service-worker?)`,
          );
        const report = await generateServiceWorker({ root, dist });
        const line = `sw.js precaches ${report.files.length} files: ${kb(report.bytes)}, ${kb(report.compressed)} compressed`;
        if (report.compressed > PRECACHE_BUDGET_BYTES)
          logger.warn(`${line}, over the ${kb(PRECACHE_BUDGET_BYTES)} budget`);
        else logger.info(line);
      },
    },
  };
}

/** Bundle src/sw/service-worker.ts into dist/sw.js and inject the precache manifest; returns what it saves. */
export async function generateServiceWorker({ root, dist }: { root: string; dist: string }): Promise<PrecacheReport> {
  const swDest = join(dist, 'sw.js');
  await build({
    entryPoints: [join(root, 'src/sw/service-worker.ts')],
    outfile: swDest,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // Workbox's debug logging is compiled out in production.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const { warnings } = await injectManifest({
    swSrc: swDest,
    swDest,
    globDirectory: dist,
    globPatterns: [...SITE_GLOBS, ...(hasSearchIndex(dist) ? [SEARCH_GLOB] : [])],
    dontCacheBustURLsMatching: HASHED_URL,
    manifestTransforms: [
      // SRI hashes: a file fetched again later (a repair) must be the very bytes of this build.
      async (entries) => ({
        manifest: await Promise.all(
          entries.map(async (entry) => ({ ...entry, integrity: await sri(join(dist, decodeURIComponent(entry.url))) })),
        ),
        warnings: [],
      }),
    ],
  });
  if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);

  const urls = manifestOf(await readFile(swDest, 'utf8')).map((e) => e.url);
  const offlinePages = LOCALES.map((locale) => `${locale}/${OFFLINE_SLUG}/index.html`);
  const missing = offlinePages.filter((page) => !urls.includes(page));
  if (missing.length) throw new Error(`service worker: the precache lacks the offline page(s) ${missing.join(', ')}`);
  return measure(dist, urls);
}

export function hasSearchIndex(dist: string): boolean {
  return existsSync(join(dist, SEARCH_DIR, 'pagefind-entry.json'));
}

async function sri(file: string): Promise<string> {
  return `sha384-${createHash('sha384')
    .update(await readFile(file))
    .digest('base64')}`;
}
