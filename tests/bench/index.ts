/**
 * `npm run bench`: builds the site, serves dist/ with `astro preview` on PORT+200 and runs each bench section in
 * Debian's Chromium, printing figures. It never fails on a timing; it fails only when it cannot measure.
 *   npm run bench               every section but the slow opt-in ones (pages, search, search-quality, offline)
 *   npm run bench -- search     only the named sections; `npm run bench -- scale` for build time as the site grows
 * A section is a module exporting `{ name, run(context) }` (`optIn: true`: only when named); add yours to SECTIONS.
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { startPreview } from '../tools/preview-server.ts';
import { benchOffline } from './offline.ts';
import { pagesBench } from './pages.ts';
import { scaleBench } from './scale.ts';
import { searchBench } from './search.ts';
import { searchQualityBench } from './search-quality.ts';

export interface BenchContext {
  /** Origin of the preview server serving dist/. */
  origin: string;
  browser: Browser;
  /** Absolute path of the built site. */
  dist: string;
  /** Print one line of the report. */
  print: (line?: string) => void;
}

export interface BenchSection {
  name: string;
  /** Slow: runs only when named (`npm run bench -- scale`). */
  optIn?: boolean;
  run: (context: BenchContext) => Promise<void>;
}

const offlineBench: BenchSection = { name: 'offline', run: async ({ dist }) => benchOffline(dist) };

const SECTIONS: BenchSection[] = [pagesBench, searchBench, searchQualityBench, offlineBench, scaleBench];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const sections = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS.filter((s) => !s.optIn);
if (sections.length === 0)
  throw new Error(`No bench section named ${wanted.join(', ')}; there are: ${SECTIONS.map((s) => s.name).join(', ')}`);

const port = Number(process.env['PORT'] ?? 4321) + 200;
const server = await startPreview(port);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
// Timings on a busy machine have long tails: say how busy it was.
console.log(
  `${cpus().length} CPUs, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} (1, 5, 15 min)`,
);
try {
  for (const section of sections) {
    console.log(`\n== ${section.name} ==`);
    await section.run({
      origin: server.origin,
      browser,
      dist: new URL('../../dist/', import.meta.url).pathname,
      print: (line = '') => console.log(line),
    });
  }
} finally {
  await browser.close();
  server.stop();
}
