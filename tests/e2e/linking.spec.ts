import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const DIST = resolve(import.meta.dirname, '../../dist');
/** Every guide page of the build, found through the sitemap, so new guides are covered without editing this file. */
const guides = [...readFileSync(resolve(DIST, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)]
  .map((m) => new URL(m[1] ?? '').pathname)
  .filter((path) => readFileSync(resolve(DIST, `.${path}index.html`), 'utf8').includes('<article class="guide"'));

/** Headings and step numbers that link to their own element: `<h2 id="x"><a href="#x">`. */
function selfLinkedIds(page: Page): Promise<string[]> {
  return page
    .locator('main [id] > a[href^="#"]:first-child')
    .evaluateAll((links) =>
      links.filter((a) => a.getAttribute('href') === `#${a.parentElement?.id}`).map((a) => a.parentElement!.id),
    );
}

test.describe('copy link', () => {
  test('every heading and step of every guide gets one named copy button', async ({ page }) => {
    expect(guides.length).toBeGreaterThan(1);
    for (const path of guides) {
      await page.goto(path);
      const ids = await selfLinkedIds(page);
      expect(ids.length, path).toBeGreaterThan(0);
      const buttons = page.locator('button.copy-link');
      await expect(buttons, path).toHaveCount(ids.length);
      const owners = await buttons.evaluateAll((all) => all.map((b) => b.closest('[id]')?.id));
      expect(owners, path).toEqual(ids);
      for (const name of await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? '')))
        expect(name.length, path).toBeGreaterThan(3);
    }
  });

  for (const { locale, step, heading } of [
    {
      locale: 'zh',
      step: { name: '复制第 4 步的链接', said: '已复制第 4 步的链接' },
      heading: { name: '复制链接', said: '已复制“步骤”的链接' },
    },
    {
      locale: 'en',
      step: { name: 'Copy link to step 4', said: 'Link to step 4 copied' },
      heading: { name: 'Copy link', said: 'Link to “Steps” copied' },
    },
  ]) {
    test(`/${locale}/store/: the buttons copy the full URL of a step and of a heading, and say so`, async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({ locale: locale === 'zh' ? 'zh-CN' : 'en-GB' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
      const page = await context.newPage();
      await page.goto(`/${locale}/store/?from=chat`);
      const status = page.locator('.copy-status');

      await page.locator('#step-pay').getByRole('button', { name: step.name }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/${locale}/store/#step-pay`);
      await expect(status).toHaveText(step.said);

      await page.locator('#steps').getByRole('button', { name: heading.name }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/${locale}/store/#steps`);
      await expect(status).toHaveText(heading.said);
      await expect(status).toBeInViewport();
      await context.close();
    });
  }

  test('when the clipboard is out of reach, the link goes to the address bar and the notice says so', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      document.execCommand = () => false;
    });
    await page.goto('/en/store/');
    const button = page.locator('#step-keep').getByRole('button');
    await button.click();
    await expect(page).toHaveURL(/\/en\/store\/#step-keep$/);
    await expect(page.locator('.copy-status')).toHaveText(/Could not copy the link\. It is in the address bar now/);
    await expect(button).toBeFocused();
  });

  test('without JavaScript, headings and step numbers are links to themselves, and there are no buttons', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/zh/store/');
    await expect(page.locator('main button:visible')).toHaveCount(0);
    await expect(page.getByRole('link', { name: '步骤', exact: true })).toHaveAttribute('href', '#steps');
    await page.locator('#step-pay > a').first().click();
    await expect(page).toHaveURL(/\/zh\/store\/#step-pay$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('step-pay');
    await context.close();
  });
});

test.describe('opening a shared link', () => {
  test('every heading and step of a guide lands in view, clear of the header, and highlighted', async ({ page }) => {
    for (const path of guides.filter((p) => p.endsWith('/store/'))) {
      await page.goto(path);
      for (const id of await selfLinkedIds(page)) {
        await page.goto(`${path}#${id}`);
        const target = page.locator(`[id="${id}"]`);
        await expect(target, `${path}#${id}`).toBeInViewport();
        const { top, cover, background } = await target.evaluate((el) => {
          // Anything fixed or sticky at the top of the screen (a sticky header) must not cover the target.
          const covering = [...document.querySelectorAll('body *')].filter(
            (e) =>
              ['fixed', 'sticky'].includes(getComputedStyle(e).position) &&
              e.getBoundingClientRect().top <= 0 &&
              e.getBoundingClientRect().height > 0 &&
              !e.matches('.copy-status'),
          );
          return {
            top: el.getBoundingClientRect().top,
            cover: Math.max(0, ...covering.map((e) => e.getBoundingClientRect().bottom)),
            background: getComputedStyle(el).backgroundColor,
          };
        });
        expect(top, `${path}#${id} is below the header`).toBeGreaterThanOrEqual(cover);
        expect(background, `${path}#${id} is highlighted`).not.toBe('rgba(0, 0, 0, 0)');
      }
    }
  });
});

test.describe('language switch keeps the place', () => {
  test('query and #anchor survive the switch, both ways', async ({ page }) => {
    await page.goto('/zh/store/?from=chat#step-pay');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/store\/\?from=chat#step-pay$/);
    await expect(page.locator('#step-pay')).toBeInViewport();
    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh\/store\/\?from=chat#step-pay$/);
  });

  test('the anchor the reader moved to last (a step number tapped) is the one kept', async ({ page }) => {
    await page.goto('/en/store/#steps');
    await page.locator('#step-wait-sms > a').first().click();
    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh\/store\/#step-wait-sms$/);
    await expect(page.locator('#step-wait-sms')).toBeInViewport();
  });
});

test.describe('root language chooser', () => {
  test('never traps the reader: Back from the chosen home does not bounce through /', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await page.goBack();
    expect(page.url()).not.toMatch(/\/(en\/)?$/);
    await context.close();
  });

  test('language homes never redirect, whatever was remembered', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/zh/');
    await page.evaluate(() => localStorage.setItem('preferred-locale', 'zh'));
    await page.goto('/en/');
    await page.waitForLoadState('networkidle');
    await expect(page).toHaveURL(/\/en\/$/);
    await context.close();
  });

  test('a remembered value that is not a language is ignored; the browser language decides', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/zh/');
    await page.evaluate(() => localStorage.setItem('preferred-locale', 'fr'));
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await context.close();
  });
});
