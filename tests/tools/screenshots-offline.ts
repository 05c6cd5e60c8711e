/**
 * Phone-width screenshots of the offline states, light and dark, for a human to look at:
 *   npm run build && PORT=4400 npx node tests/tools/screenshots-offline.ts
 * For each language: a guide read offline (the indicator), an unsaved page offline (the offline page), and the
 * "updated — reload" notice (drawn from its template, as the script does when a new build waits).
 * Writes PNGs to screenshots/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview } from './preview-server.ts';

const OUT = resolve(import.meta.dirname, '../../screenshots');
mkdirSync(OUT, { recursive: true });
const server = await startPreview(Number(process.env['PORT'] ?? 4321) + 100);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const locale of ['zh', 'en']) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        colorScheme,
        locale: locale === 'zh' ? 'zh-CN' : 'en-GB',
      });
      const page = await context.newPage();
      await page.goto(`${server.origin}/${locale}/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      });
      await context.setOffline(true);
      const shots: [string, () => Promise<void>][] = [
        ['offline-indicator', async () => void (await page.goto(`${server.origin}/${locale}/store/`))],
        ['offline-page', async () => void (await page.goto(`${server.origin}/${locale}/not-saved/`))],
        [
          'update-notice',
          async () => {
            await page.goto(`${server.origin}/${locale}/store/`);
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
    }
  }
} finally {
  await browser.close();
  server.stop();
}
