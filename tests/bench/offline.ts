/**
 * Offline figures: what the service worker saves on a reader's phone after one visit. Needs a built site
 * (npm run build).  npm run bench:offline
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  kb,
  measure,
  PRECACHE_BUDGET_BYTES,
  readPrecache,
  type PrecacheFile,
} from '../../src/integrations/precache-report.ts';

const GROUPS: [string, (url: string) => boolean][] = [
  ['pages', (url) => url.endsWith('.html')],
  ['scripts', (url) => url.startsWith('_astro/')],
  ['search index', (url) => url.startsWith('pagefind/')],
  ['icons, manifests', () => true],
];

export function benchOffline(dist = resolve(import.meta.dirname, '../../dist')): void {
  if (!existsSync(resolve(dist, 'sw.js'))) throw new Error(`${dist}/sw.js does not exist: run \`npm run build\` first`);
  const report = readPrecache(dist);
  const line = (label: string, files: PrecacheFile[]) => {
    const bytes = files.reduce((s, f) => s + f.bytes, 0);
    const compressed = files.reduce((s, f) => s + f.compressed, 0);
    console.log(
      `  ${label.padEnd(18)} ${String(files.length).padStart(4)} files ${String(bytes).padStart(9)} B raw (${kb(bytes).padStart(9)}) ${String(compressed).padStart(9)} B brotli (${kb(compressed).padStart(9)})`,
    );
  };
  console.log('offline precache (dist/sw.js)');
  const left = [...report.files];
  for (const [label, match] of GROUPS) {
    const files = left.filter((f) => match(f.url));
    for (const f of files) left.splice(left.indexOf(f), 1);
    if (files.length) line(label, files);
  }
  line('total', report.files);
  console.log(
    `  budget: ${kb(PRECACHE_BUDGET_BYTES)} brotli, ${((report.compressed / PRECACHE_BUDGET_BYTES) * 100).toFixed(0)}% used`,
  );
  line('+ sw.js itself', measure(dist, ['sw.js']).files);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchOffline();
