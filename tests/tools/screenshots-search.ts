/**
 * Phone-width screenshots of search, light and dark, for a human to look at: the search page with results for
 * a few real queries, its empty and no-result states, and the results under the header box as you type.
 *   npm run build && PORT=4400 npm run screenshots:search -- [zh 充值 …]
 * Writes PNGs to screenshots/search/ (ignored by git): the first screen, and the whole page as *.full.png.
 * Serves dist/ on PORT+100 (stop your own `astro preview` first: Astro runs one per project).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { PHONE, withSite } from './preview-server.ts';

const OUT = resolve(import.meta.dirname, '../../screenshots/search');
const QUERIES = {
  zh: ['充值', '没有流量了', '护照', 'JazzCash', '手机没信号'],
  en: ['top up', 'no data', 'passport', 'jazz app', 'phone has no signal'],
};
const NO_RESULT = 'qwxzv';

const [onlyLocale, ...onlyQueries] = process.argv.slice(2);
const locales = (onlyLocale === 'zh' || onlyLocale === 'en' ? [onlyLocale] : ['zh', 'en']) as ('zh' | 'en')[];

/** The first screen as `name.png`, and with `full`, the whole page as `name.full.png`. */
async function shoot(page: Page, name: string, full = true) {
  for (const fullPage of full ? [false, true] : [false]) {
    const file = resolve(OUT, `${name}${fullPage ? '.full' : ''}.png`);
    await page.screenshot({ path: file, fullPage });
    console.log(file);
  }
}

mkdirSync(OUT, { recursive: true });
await withSite(async (browser, origin) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ ...PHONE, colorScheme });
    const page = await context.newPage();
    for (const locale of locales) {
      const queries = onlyQueries.length ? onlyQueries : [...QUERIES[locale], NO_RESULT, ''];
      for (const query of queries) {
        await page.goto(`${origin}/${locale}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
        await page.locator(`.search-page .search-status[data-query="${query}"]`).waitFor();
        await shoot(page, `${locale}-search-${query.replace(/\s+/g, '-') || 'empty'}.${colorScheme}`);
      }
      // The header box: results under it as the reader types, over the page.
      await page.goto(`${origin}/${locale}/store/`);
      const box = page.locator('.site-header input[name="q"]');
      await box.focus();
      const query = QUERIES[locale][1]!;
      await box.pressSequentially(query);
      await page.locator(`.search-live .search-status[data-query="${query}"]`).waitFor();
      await shoot(page, `${locale}-header-${query.replace(/\s+/g, '-')}.${colorScheme}`, false);
    }
    await context.close();
  }
});
