/**
 * Try queries on the built site and print what search shows: for each query, the first pages with the section
 * each links to. For writing keywords (guide frontmatter), not a test.
 *
 *   npm run build && PORT=4400 npx node tests/tools/search-try.ts zh 充值 护照 "没有流量了"
 *   PORT=4400 npx node tests/tools/search-try.ts en --cases     # the TUNING half of tests/search-quality, ✓/✗
 *
 * `--cases` never shows the held-out half: look at a held-out query only after moving it to the tuning half (see
 * tests/search-quality/queries.yaml).
 *
 * Uses the site already served on PORT (`npx astro preview --port $PORT`), or serves dist/ there itself.
 */
import { chromium } from '@playwright/test';
import { answers, loadQueries } from '../search-quality/queries.ts';
import { startPreview } from './preview-server.ts';

const [locale, ...args] = process.argv.slice(2);
if (locale !== 'zh' && locale !== 'en') {
  console.error('usage: search-try.ts <zh|en> [--cases] [query …]');
  process.exit(2);
}
const useCases = args.includes('--cases');
const cases: { q: string; a?: string }[] = useCases
  ? loadQueries()[locale].filter((c) => c.split === 'tune')
  : args.filter((a) => a !== '--cases').map((q) => ({ q }));
const dist = new URL('../../dist/', import.meta.url).pathname;

const port = Number(process.env['PORT'] ?? 4321);
const running = await fetch(`http://127.0.0.1:${port}/zh/`).then(
  (r) => r.ok,
  () => false,
);
const server = running ? { origin: `http://127.0.0.1:${port}`, stop: () => undefined } : await startPreview(port);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/${locale}/search/`);
  let failed = 0;
  for (const c of cases) {
    await page.locator('.search-page input[name="q"]').fill(c.q);
    await page
      .locator('.search-page .search-status')
      .and(page.locator(`[data-query="${c.q.replace(/\s+/g, ' ').trim().replace(/"/g, '\\"')}"]`))
      .waitFor();
    const hits = await page.locator('.search-page .search-hit').evaluateAll((items) =>
      items.map((item) => ({
        href: item.querySelector('.search-hit-title')?.getAttribute('href') ?? '',
        section: item.querySelector('.search-section')?.textContent ?? '',
      })),
    );
    const first = hits[0]?.href ?? '(none)';
    let verdict = '';
    if (c.a) {
      const ok = answers(dist, c.a, first);
      if (!ok) failed++;
      verdict = ok ? '✓ ' : `✗ (want ${c.a}) `;
    }
    console.log(`${verdict}${c.q}`);
    for (const hit of hits.slice(0, 4)) console.log(`    ${hit.href.padEnd(40)} ${hit.section}`);
  }
  if (useCases) console.log(`${cases.length - failed}/${cases.length} cases as expected`);
} finally {
  await browser.close();
  server.stop();
}
