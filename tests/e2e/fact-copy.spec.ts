import { expect, test } from '@playwright/test';

// The PTA complaints line on the store page: a phone fact, shown in both languages.
const FACT = '[data-fact="pta-complaints-helpline"]';

for (const { locale, copy, copied, announce } of [
  { locale: 'zh', copy: '复制 0800-55055', copied: '已复制', announce: '已复制：0800-55055' },
  { locale: 'en', copy: 'Copy 0800-55055', copied: 'Copied', announce: 'Copied: 0800-55055' },
] as const) {
  test.describe(`/${locale}/store/ copy button`, () => {
    test('with JavaScript, the copy button puts the number on the clipboard and announces it', async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({
        baseURL: baseURL!,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
      const page = await context.newPage();
      await page.goto(`/${locale}/store/`);
      await expect(page.locator(FACT).getByRole('button', { name: copy })).toBeVisible();
      const button = page.locator(`${FACT} button.fact-copy`);
      await button.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('0800-55055');
      await expect(page.locator('.copy-status')).toHaveText(announce);
      await expect(button).toContainText(copied);
      // The tap-to-dial link is untouched.
      await expect(page.locator(`${FACT} a.dial`)).toHaveAttribute('href', 'tel:080055055');
      await context.close();
    });

    test('without JavaScript there is no copy button, only the number as a tel: link', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${locale}/store/`);
      await expect(page.locator(`${FACT} button`)).toBeHidden();
      await expect(page.locator(FACT).getByRole('button')).toHaveCount(0);
      await expect(page.locator(`${FACT} a.dial`)).toHaveText('0800-55055');
      await expect(page.locator(`${FACT} a.dial`)).toHaveAttribute('href', 'tel:080055055');
      await context.close();
    });
  });
}
