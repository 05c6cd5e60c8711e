import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

// The pages of third-party, wechat-alipay, sim-types, tips and operators on a 390 px phone (the project's viewport).
const slugs = ['third-party', 'wechat-alipay', 'sim-types', 'tips', 'operators'];

for (const locale of ['zh', 'en'] as const) {
  for (const slug of slugs) {
    test(`/${locale}/${slug}/ fits the phone without sideways scrolling, with no errors and no request elsewhere`, async ({
      page,
      baseURL,
    }) => {
      const watch = watchPage(page, new URL(baseURL!).origin);
      await page.goto(`/${locale}/${slug}/`);
      await page.waitForLoadState('networkidle');
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      watch.expectClean();
    });
  }
}

test('a shared operator link lands on that operator’s card, and its codes dial', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/zh/operators/#zong');
  await expect(page.locator('#zong')).toBeInViewport();
  const card = page.locator('.operator[data-operator="zong"]');
  await expect(card.locator('[data-fact="zong-request-balance"] a.dial')).toHaveAttribute('href', 'tel:*829%23');
  await expect(card.locator('dt').first()).toBeVisible();
  await context.close();
});
