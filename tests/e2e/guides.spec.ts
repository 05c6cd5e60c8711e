import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

/** Every guide slug, from the content folder: a new page is covered without touching this file. */
const slugs = readdirSync(resolve(import.meta.dirname, '../../content/guides/en'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

test('every guide loads in both languages without errors or requests to another origin', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  for (const slug of slugs) {
    for (const locale of ['zh', 'en']) {
      const response = await page.goto(`/${locale}/${slug}/`);
      expect(response?.status(), `/${locale}/${slug}/`).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  }
  watch.expectClean();
});

test('without JavaScript every guide shows its steps and no copy button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const slug of slugs) {
    for (const locale of ['zh', 'en']) {
      await page.goto(`/${locale}/${slug}/`);
      const steps = page.locator('.steps > ol > li');
      if ((await page.locator('article[data-kind="method"]').count()) > 0) {
        await expect(steps.first(), `/${locale}/${slug}/`).toBeVisible();
      }
      await expect(page.locator('button.fact-copy:visible'), `/${locale}/${slug}/`).toHaveCount(0);
    }
  }
  await context.close();
});
