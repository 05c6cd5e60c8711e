/**
 * Screenshots of the filled-in shopkeeper cards, for a human to look at: both languages, portrait (390×844) and
 * landscape (844×390), light and dark, card 1 and card 2, plus the form, an error and the page without JS.
 *   npm run build && PORT=4406 npx node tests/tools/shopkeeper-screenshots.ts [--bundle]
 * Writes PNGs to screenshots/shopkeeper/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { PHONE, withSite } from './preview-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'screenshots/shopkeeper');
const bundle = process.argv.includes('--bundle');
mkdirSync(OUT, { recursive: true });

async function fill(page: Page, origin: string, lang: string) {
  await page.goto(`${origin}/${lang}/show-shopkeeper/`);
  await page.locator('#sk-number').fill('+92 300 1234567');
  if (bundle) await page.locator('#sk-kind-bundle').check();
  await page.locator('#sk-amount').fill(bundle ? '1500' : '500');
  await page.locator('.sk-submit').click();
  await page.locator(bundle ? '#card-bundle' : '#card-load').waitFor();
}

await withSite(async (browser, origin) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [orientation, viewport] of [
      ['portrait', { width: 390, height: 844 }],
      ['landscape', { width: 844, height: 390 }],
      ['small', { width: 360, height: 740 }],
    ] as const) {
      const context = await browser.newContext({ ...PHONE, viewport, colorScheme });
      const page = await context.newPage();
      for (const lang of ['zh', 'en']) {
        const name = (what: string) => resolve(OUT, `${lang}.${what}.${orientation}.${colorScheme}.png`);
        await fill(page, origin, lang);
        await page.screenshot({ path: name(bundle ? 'bundle' : 'card1') });
        await page.getByRole('button', { name: /card 2|卡片 2/ }).click();
        await page.screenshot({ path: name('card2') });
        if (orientation === 'portrait') {
          await page.goto(`${origin}/${lang}/show-shopkeeper/`);
          await page.screenshot({ path: name('form'), fullPage: true });
          await page.locator('#sk-number').fill('0300 12345');
          await page.locator('#sk-amount').fill('5.5');
          await page.locator('.sk-submit').click();
          await page.screenshot({ path: name('errors'), fullPage: true });
        }
      }
      await context.close();
    }
    const context = await browser.newContext({
      ...PHONE,
      hasTouch: false,
      colorScheme,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    for (const lang of ['zh', 'en']) {
      await page.goto(`${origin}/${lang}/show-shopkeeper/`);
      await page.screenshot({ path: resolve(OUT, `${lang}.nojs.${colorScheme}.png`), fullPage: true });
    }
    await context.close();
  }
  // Print: as PDFs, and as A4-wide PNGs of the print stylesheet for a quick look.
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  const page = await context.newPage();
  for (const lang of ['zh', 'en']) {
    for (const filled of [false, true]) {
      const name = `${lang}.print-${filled ? 'filled' : 'blank'}`;
      await page.emulateMedia({ media: null });
      if (filled) await fill(page, origin, lang);
      else await page.goto(`${origin}/${lang}/show-shopkeeper/`);
      // Chrome's own default margins, as when a reader prints.
      await page.pdf({
        path: resolve(OUT, `${name}.pdf`),
        format: 'A4',
        margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' },
      });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: resolve(OUT, `${name}.png`), fullPage: true });
    }
  }
  await context.close();
  console.log(`screenshots in ${OUT}`);
});
