import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

// The home page's chooser, with JavaScript off (a decision list of links) and on (radios that sort the ways), in
// both languages, on a 390 px phone.

const locales = ['zh', 'en'] as const;

/** For each method, answers (question → answer) after which the chooser marks it as a best fit. */
const PATHS: Record<string, Record<string, string>> = {
  store: { connection: 'no-data', shop: 'operator-shop' },
  'convenience-shop': { connection: 'no-data', shop: 'small-shop' },
  online: { connection: 'online', network: 'jazz' },
  'atm-bank': { pay: 'pk-account' },
  'esim-app': { sim: 'travel-esim' },
  'third-party': { pay: 'foreign-card' },
  'wechat-alipay': { pay: 'wechat-alipay' },
};

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

for (const locale of locales) {
  test(`/${locale}/ without JavaScript: the decision list reaches every method page`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${locale}/`);
    await noSidewaysScroll(page);
    const finder = page.locator('.finder');
    await expect(finder.locator('input[type="radio"]').first()).toBeHidden();
    await expect(finder.getByRole('heading', { level: 3 })).toHaveCount(5);
    for (const slug of Object.keys(PATHS)) {
      const link = finder.locator(`a[href="/${locale}/${slug}/"], a[href^="/${locale}/${slug}/#"]`).first();
      await expect(link, slug).toBeVisible();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${slug}/(#[a-z0-9-]+)?$`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goBack();
    }
    await context.close();
  });

  test(`/${locale}/ with JavaScript: answering marks the best way, and its card leads to the page`, async ({
    page,
    baseURL,
  }) => {
    const watch = watchPage(page, new URL(baseURL!).origin);
    for (const [slug, answers] of Object.entries(PATHS)) {
      await page.goto(`/${locale}/`);
      for (const [question, answer] of Object.entries(answers))
        await page.locator(`#finder-${question}-${answer}`).check();
      const card = page.locator(`.compare-card[data-method="${slug}"]`);
      await expect(card, slug).toHaveAttribute('data-fit', 'best');
      await expect(card.locator('[data-fit-badge="best"]')).toBeVisible();
      await expect(page.locator('.compare-card').first()).toHaveAttribute('data-fit', 'best');
      await expect(page.locator('.finder-status')).not.toBeEmpty();
      await card.locator(':scope > a').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${slug}/$`));
    }
    watch.expectClean();
  });

  test(`/${locale}/ with JavaScript: "no data, no Wi-Fi" shows the shop, shopkeeper and helper links and rules out paying online`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/`);
    const answer = page.locator('[data-answer="connection.online"]');
    await expect(answer.locator('.finder-links')).toBeHidden();
    await page.locator('#finder-connection-no-data').check();
    const chosen = page.locator('[data-answer="connection.no-data"] .finder-links');
    await expect(chosen.locator(`a[href="/${locale}/show-shopkeeper/"]`)).toBeVisible();
    await expect(chosen.locator(`a[href="/${locale}/third-party/#someone-in-pakistan"]`)).toBeVisible();
    await expect(chosen.locator(`a[href="/${locale}/convenience-shop/"]`)).toBeVisible();
    await expect(answer.locator('.finder-links')).toBeHidden();
    for (const slug of ['online', 'atm-bank', 'third-party']) {
      await expect(page.locator(`.compare-card[data-method="${slug}"]`)).toHaveAttribute('data-fit', 'no');
      await expect(page.locator(`.compare-card[data-method="${slug}"] [data-fit-badge="no"]`)).toBeVisible();
    }
    await noSidewaysScroll(page);

    // Start again: no answer, the original order, no marks.
    const order = await page
      .locator('.compare-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-method')));
    await page.locator('.finder-reset').click();
    await expect(page.locator('#finder-connection-no-data')).not.toBeChecked();
    await expect(page.locator('.finder-status')).toBeEmpty();
    await expect(page.locator('.compare-card[data-fit]')).toHaveCount(0);
    const reset = await page
      .locator('.compare-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-method')));
    expect(reset[0]).toBe('store');
    expect(reset).not.toEqual(order);
  });
}

test('the status line counts the ways that still fit', async ({ page }) => {
  await page.goto('/en/');
  await page.locator('#finder-sim-travel-esim').check();
  await expect(page.locator('.compare-card:not([data-fit="no"])')).toHaveCount(1);
  await expect(page.locator('.finder-status')).toHaveText(
    '1 of 7 ways fit your answers. The list below starts with the best fit.',
  );
  await page.locator('#finder-sim-not-sure').check();
  await expect(page.locator('.compare-card[data-fit="no"]')).toHaveCount(0);
  await expect(page.locator('.finder-status')).toHaveText(
    '7 of 7 ways fit your answers. The list below starts with the best fit.',
  );
});
