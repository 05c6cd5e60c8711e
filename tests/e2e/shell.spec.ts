import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

test.describe('language homes', () => {
  for (const { path, lang, heading } of [
    { path: '/zh/', lang: 'zh-CN', heading: '在巴基斯坦给手机充流量' },
    { path: '/en/', lang: 'en', heading: 'Top up your mobile data in Pakistan' },
  ]) {
    test(`${path} renders in its language with a card per guide and no errors`, async ({ page, baseURL }) => {
      const watch = watchPage(page, new URL(baseURL!).origin);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      const store = page
        .locator('.cards')
        .getByRole('link')
        .filter({ hasText: lang === 'en' ? 'operator shop' : '营业厅' });
      await expect(store).toHaveAttribute('href', `${path}store/`);
      await page.getByRole('link', { name: /skip to main content|跳到正文/i }).focus();
      await expect(page.getByRole('link', { name: /skip to main content|跳到正文/i })).toBeInViewport();
      watch.expectClean();
    });
  }
});

test.describe('language switcher', () => {
  test('switching language keeps the page and the step anchor', async ({ page }) => {
    await page.goto('/zh/store/#step-pay');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/store\/#step-pay$/);
    await expect(page.locator('#step-pay')).toBeInViewport();
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');

    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh\/store\/#step-pay$/);
    await expect(page.locator('#step-pay')).toContainText('付现金');
  });

  test('a heading anchor followed later (after scrolling to it) survives the switch', async ({ page }) => {
    await page.goto('/en/store/');
    await page.goto('/en/store/#if-it-fails');
    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh\/store\/#if-it-fails$/);
  });

  test('without JavaScript the switcher still opens the same page in the other language', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/store/');
    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh\/store\/$/);
    await context.close();
  });
});

test.describe('root language chooser', () => {
  test('without JavaScript both languages are offered as links', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: /简体中文/ })).toHaveAttribute('href', '/zh/');
    await expect(page.getByRole('link', { name: /English/ })).toHaveAttribute('href', '/en/');
    await context.close();
  });

  test('with JavaScript it follows the browser language the first time', async ({ browser }) => {
    for (const [locale, expected] of [
      ['en-US', '/en/'],
      ['zh-CN', '/zh/'],
      ['zh-TW', '/zh/'],
      ['ur-PK', '/zh/'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page, `browser language ${locale}`).toHaveURL(new RegExp(`${expected}$`));
      await context.close();
    }
  });

  test('an explicit choice is remembered and wins over the browser language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/zh/store/');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/store\/$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await context.close();
  });
});

test.describe('not found', () => {
  test('an unknown address answers 404 with a page in both languages', async ({ page }) => {
    const response = await page.goto('/zh/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '找不到这个页面' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: '回到中文首页' })).toHaveAttribute('href', '/zh/');
    await expect(page.getByRole('link', { name: 'Go to the English home page' })).toHaveAttribute('href', '/en/');
  });
});
