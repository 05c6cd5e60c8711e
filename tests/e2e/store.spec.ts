import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

for (const locale of ['zh', 'en'] as const) {
  test.describe(`/${locale}/store/`, () => {
    test('reads completely with JavaScript disabled: steps, facts and sources', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${locale}/store/`);
      const steps = page.locator('.steps > ol > li');
      await expect(steps).toHaveCount(6);
      expect(await steps.evaluateAll((items) => items.map((li) => li.id))).toEqual([
        'step-find',
        'step-ask',
        'step-check-number',
        'step-pay',
        'step-wait-sms',
        'step-keep',
      ]);
      for (const item of await steps.all()) await expect(item).toBeVisible();
      // A USSD/phone fact is a tap-to-dial link, and cites a source listed at the end of the page.
      await expect(page.locator('[data-fact="pta-complaints-helpline"] a.dial')).toHaveAttribute(
        'href',
        'tel:080055055',
      );
      const cite = page.locator('[data-fact="pta-complaints-helpline"] .cite a').first();
      const target = (await cite.getAttribute('href'))!;
      await expect(page.locator(target)).toContainText('PTA');
      await expect(page.locator('.page-sources time')).toHaveAttribute('datetime', '2026-11-26');
      await context.close();
    });

    test('has no console errors and requests nothing from another origin', async ({ page, baseURL }) => {
      const watch = watchPage(page, new URL(baseURL!).origin);
      await page.goto(`/${locale}/store/`);
      await page.waitForLoadState('networkidle');
      watch.expectClean();
    });

    test('a shared step link lands on that step', async ({ page }) => {
      await page.goto(`/${locale}/store/#step-wait-sms`);
      await expect(page.locator('#step-wait-sms')).toBeInViewport();
      const background = await page.locator('#step-wait-sms').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
    });
  });
}
