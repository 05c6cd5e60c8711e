/**
 * Offline figures: what the service worker downloads for the offline copy, per language, compressed as a server sends
 * it (brotli 11; Pagefind's gzipped files as they are). Needs a built site (npm run build).  npm run bench:offline
 *  - a first visit: the page's first view, sw.js, then the language's first-visit bundle and search files;
 *  - the other language afterwards (the core is saved by then);
 *  - what is left on request (nothing on the real site).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compressedSize,
  kb,
  languageDownloads,
  readLanguageIndex,
  readManifest,
  type Download,
} from '../../src/features/offline/build/precache-report.ts';
import { firstViewRequests, guideSlugs } from '../unit/helpers/site.ts';

const sum = (downloads: Download[]) => downloads.reduce((s, d) => s + d.bytes, 0);

export async function benchOffline(dist = resolve(import.meta.dirname, '../../dist')): Promise<void> {
  if (!existsSync(resolve(dist, 'sw.js'))) throw new Error(`${dist}/sw.js does not exist: run \`npm run build\` first`);
  const sw = await compressedSize(readFileSync(resolve(dist, 'sw.js')));
  console.log(
    `offline copy (dist/sw.js ${kb(sw)}; src/features/offline/offline.ts LANGUAGE_COPY_BUDGET_BYTES bounds each language's copy after sw.js)`,
  );
  const langs = readManifest(dist).flatMap((i) => (i.kind === 'language' ? [i.lang] : []));
  for (const lang of langs) {
    const index = readLanguageIndex(dist, lang);
    const first = await languageDownloads(dist, lang);
    const later = await languageDownloads(dist, lang, { coreSaved: true });
    const all = await languageDownloads(dist, lang, { coreSaved: true, all: true });
    // The heaviest guide page of the language as the first page.
    const pages = guideSlugs(lang).map((slug) => `/${lang}/${slug}/`);
    let view = { page: '', bytes: 0, requests: 0 };
    for (const page of pages) {
      const requests = firstViewRequests(page);
      const bytes = (
        await Promise.all(
          requests.map((r) =>
            compressedSize(readFileSync(resolve(dist, `.${r.endsWith('/') ? `${r}index.html` : r}`))),
          ),
        )
      ).reduce((a, b) => a + b, 0);
      if (bytes > view.bytes) view = { page, bytes, requests: requests.length };
    }
    const tiers = index.tiers
      .map((t) => `${t.tier} (${t.pages} pages) ${t.auto ? 'at once' : 'on request'}`)
      .join(', ');
    console.log(`\n${lang}: ${tiers}`);
    console.log(
      `  first view of ${view.page.padEnd(26)} ${String(view.requests).padStart(3)} requests ${kb(view.bytes).padStart(10)}`,
    );
    console.log(`  + sw.js                                  1 request  ${kb(sw).padStart(10)}`);
    console.log(
      `  + offline copy, first visit          ${String(first.length).padStart(5)} requests ${kb(sum(first)).padStart(10)}`,
    );
    for (const d of first) console.log(`      ${d.url.padEnd(48)} ${kb(d.bytes).padStart(10)}`);
    console.log(
      `  = first visit incl. offline copy     ${String(view.requests + 1 + first.length).padStart(5)} requests ${kb(view.bytes + sw + sum(first)).padStart(10)}   (goal ≤ 200 KB)`,
    );
    console.log(
      `  saving ${lang} later (core already saved) ${String(later.length).padStart(3)} requests ${kb(sum(later)).padStart(10)}`,
    );
    console.log(`  left on request                      ${kb(sum(all) - sum(later)).padStart(25)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchOffline();
