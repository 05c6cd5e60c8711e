/**
 * Phone-width screenshots of the offline states, light and dark, for a human to look at:
 *   npm run build && PORT=4400 npx node tests/tools/screenshots-offline.ts
 * For each language: the foot of a page once its language is saved ("saved for offline reading", the other
 * language's save button), a guide read offline (the indicator), a page of the language not saved (its offline page,
 * listing what is saved), a guide read 100 days after its facts were checked (the note by the date), the Save-Data
 * offer, and the "updated — reload" notice (drawn from its template, as the script does when a new build waits).
 * Writes PNGs to screenshots/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PHONE, withSite } from './preview-server.ts';

const OUT = resolve(import.meta.dirname, '../../screenshots');
mkdirSync(OUT, { recursive: true });
await withSite(async (browser, origin) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const locale of ['zh', 'en']) {
      const context = await browser.newContext({
        ...PHONE,
        colorScheme,
        locale: locale === 'zh' ? 'zh-CN' : 'en-GB',
      });
      const page = await context.newPage();
      await page.goto(`${origin}/${locale}/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      });
      const other = locale === 'zh' ? 'en' : 'zh';
      await page.locator('[data-sw-saved]').filter({ hasText: /\d/ }).waitFor();
      await page.goto(`${origin}/${locale}/store/`);
      await page.locator('[data-sw-saved]').filter({ hasText: /\d/ }).waitFor();
      await page.locator('.site-footer').scrollIntoViewIfNeeded();
      await page.screenshot({ path: resolve(OUT, `offline-saved-line.${locale}.${colorScheme}.png`) });
      console.log(resolve(OUT, `offline-saved-line.${locale}.${colorScheme}.png`));
      await context.setOffline(true);
      const shots: [string, () => Promise<void>][] = [
        ['offline-indicator', async () => void (await page.goto(`${origin}/${locale}/store/`))],
        [
          'offline-page',
          async () => {
            await page.goto(`${origin}/${other}/store/`);
            await page.locator('[data-offline-saved] li').first().waitFor();
          },
        ],
        [
          'update-notice',
          async () => {
            await page.goto(`${origin}/${locale}/store/`);
            await page.evaluate(() => {
              const template = document.querySelector<HTMLTemplateElement>('[data-sw-update-template]')!;
              document.querySelector('[data-sw-update]')!.append(template.content.cloneNode(true));
            });
          },
        ],
      ];
      for (const [name, go] of shots) {
        await go();
        const file = resolve(OUT, `${name}.${locale}.${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();

      // Read 100 days after the facts were checked; and a reader saving data, before anything is saved.
      const later = await browser.newContext({
        ...PHONE,
        colorScheme,
        serviceWorkers: 'block',
      });
      const old = await later.newPage();
      await old.clock.setFixedTime(new Date('2027-03-06T10:00:00'));
      await old.goto(`${origin}/${locale}/store/`);
      await old.locator('.page-sources').scrollIntoViewIfNeeded();
      await old.screenshot({ path: resolve(OUT, `stale-date.${locale}.${colorScheme}.png`) });
      console.log(resolve(OUT, `stale-date.${locale}.${colorScheme}.png`));
      await later.close();
      const saver = await browser.newContext({
        ...PHONE,
        colorScheme,
      });
      await saver.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
      const offer = await saver.newPage();
      await offer.goto(`${origin}/${locale}/store/`);
      await offer.locator('[data-sw-offer]').scrollIntoViewIfNeeded();
      await offer.screenshot({ path: resolve(OUT, `save-data-offer.${locale}.${colorScheme}.png`) });
      console.log(resolve(OUT, `save-data-offer.${locale}.${colorScheme}.png`));
      await saver.close();
    }
  }
});
