import { devices, expect, test, type Browser } from '@playwright/test';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zh from '../../src/i18n/zh.json' with { type: 'json' };
import { watchPage } from './helpers';

// USSD codes (src/components/UssdCode.astro) in Chromium with an iPhone and an Android user agent. Apple's Phone app
// ignores tel: links holding * or #, so on an iPhone a code is text with a large copy button and "paste it in
// Phone"; on Android it stays a tap-to-dial link with # written %23. Helpline numbers are links on both.

const IPHONE = devices['iPhone 13'].userAgent;
const ANDROID = devices['Pixel 7'].userAgent;
const strings = { zh, en } as const;
const locales = ['zh', 'en'] as const;

async function phone(browser: Browser, baseURL: string, userAgent: string, javaScriptEnabled = true) {
  const context = await browser.newContext({
    baseURL,
    userAgent,
    javaScriptEnabled,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return { context, page: await context.newPage() };
}

for (const locale of locales) {
  test(`/${locale}/operators/ on an iPhone: a USSD code is text with a large copy button and "paste it in Phone"`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await phone(browser, baseURL!, IPHONE);
    const watch = watchPage(page, new URL(baseURL!).origin);
    await page.goto(`/${locale}/operators/`);
    await expect(page.locator('html')).toHaveAttribute('data-ios', '');
    const fact = page.locator('[data-fact="zong-request-balance"]').first();
    await expect(fact.locator('a.dial')).toBeHidden();
    await expect(fact.locator('code.ussd-code')).toBeVisible();
    await expect(fact.locator('code.ussd-code')).toHaveText('*829#');
    await expect(fact.locator('.ussd-hint')).toBeVisible();
    await expect(fact.locator('.ussd-hint')).toHaveText(strings[locale]['fact.ussdHint']);
    const button = fact.locator('button.fact-copy');
    await expect(button).toBeVisible();
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('*829#');
    // No USSD code on the page is a visible link; the helpline stays a tap-to-call link.
    await expect(page.locator('.fact[data-ussd] a.dial:visible')).toHaveCount(0);
    const helpline = page.locator('[data-fact="zong-helpline"] a.dial').first();
    await expect(helpline).toBeVisible();
    await expect(helpline).toHaveAttribute('href', 'tel:310');
    // The "tap a code" sentence is true on an iPhone too.
    await expect(page.locator('#at-a-glance ~ p').first()).toContainText(
      locale === 'en' ? 'copy the code and paste it in Phone' : '粘贴到“电话”里拨打',
    );
    watch.expectClean();
    await context.close();
  });

  test(`/${locale}/ on an iPhone: every code in the no-data box can be copied, none is a dead link`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await phone(browser, baseURL!, IPHONE);
    await page.goto(`/${locale}/`);
    const codes = page.locator('#no-data ~ ul .fact[data-ussd]');
    expect(await codes.count()).toBeGreaterThanOrEqual(4);
    for (const code of await codes.all()) {
      await expect(code.locator('a.dial')).toBeHidden();
      await expect(code.locator('code.ussd-code')).toBeVisible();
      await expect(code.locator('button.fact-copy')).toBeVisible();
    }
    await context.close();
  });

  test(`/${locale}/operators/ on Android: a USSD code is a tap-to-dial link with # as %23`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await phone(browser, baseURL!, ANDROID);
    await page.goto(`/${locale}/operators/`);
    await expect(page.locator('html')).not.toHaveAttribute('data-ios', '');
    const fact = page.locator('[data-fact="zong-request-balance"]').first();
    await expect(fact.locator('a.dial')).toBeVisible();
    await expect(fact.locator('a.dial')).toHaveAttribute('href', 'tel:*829%23');
    await expect(fact.locator('a.dial')).toHaveText('*829#');
    await expect(fact.locator('code.ussd-code')).toBeHidden();
    await expect(fact.locator('.ussd-hint')).toBeHidden();
    await expect(fact.locator('button.fact-copy')).toBeVisible();
    await page.goto(`/${locale}/tips/`);
    await expect(page.locator('[data-fact="imei-code"] a.dial')).toHaveAttribute('href', 'tel:*%2306%23');
    await context.close();
  });

  test(`/${locale}/operators/ without JavaScript: every code is readable text, on an iPhone user agent too`, async ({
    browser,
    baseURL,
  }) => {
    for (const userAgent of [IPHONE, ANDROID]) {
      const { context, page } = await phone(browser, baseURL!, userAgent, false);
      await page.goto(`/${locale}/operators/`);
      // Chromium does not support -webkit-touch-callout, so here the link shows; on iOS the stylesheet's
      // @supports rule shows the plain code instead (checked in tests/unit/stranded-reader.test.ts).
      const fact = page.locator('[data-fact="zong-request-balance"]').first();
      await expect(fact).toContainText('*829#');
      await expect(fact.locator('button')).toBeHidden();
      await expect(page.locator('html')).not.toHaveAttribute('data-ios', '');
      await context.close();
    }
  });
}

test('on Android, every visible copy button is a 44 × 44 px tap target, though drawn to fit the line', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await phone(browser, baseURL!, ANDROID);
  for (const path of ['/zh/', '/en/operators/', '/zh/tips/']) {
    await page.goto(path);
    const buttons = page.locator('button.fact-copy:visible');
    expect(await buttons.count(), path).toBeGreaterThan(0);
    for (const button of await buttons.all()) {
      await button.scrollIntoViewIfNeeded();
      // The points 21 px above and below the button's centre (a 44 px target) still hit the button; a copy
      // button may share its rows with another target (a citation), so the check is on the button's own column.
      const hits = await button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return [y - 21, y + 21].map((at) => b.contains(document.elementFromPoint(x, at)));
      });
      expect(hits, `${path} ${await button.getAttribute('data-copy')}`).toContain(true);
      expect((await button.boundingBox())!.width, path).toBeGreaterThanOrEqual(44);
    }
  }
  await context.close();
});

for (const userAgent of [IPHONE, ANDROID])
  test(`/zh/ at 390 px (${userAgent === IPHONE ? 'iPhone' : 'Android'}): no line starts with the punctuation after a fact`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await phone(browser, baseURL!, userAgent);
    await page.goto('/zh/');
    // A fact ends in a copy button (an atomic inline, after which Chromium may break even before "；"): the
    // punctuation right after it stays on the fact's line.
    const starts = await page.evaluate(() =>
      [...document.querySelectorAll('.fact')].flatMap((fact) => {
        const next = fact.nextSibling;
        if (!(next instanceof Text) || !/^[，。；：、）]/.test(next.data)) return [];
        const range = document.createRange();
        range.setStart(next, 0);
        range.setEnd(next, 1);
        const mark = range.getBoundingClientRect();
        const line = [...fact.getClientRects()].at(-1)!;
        return mark.top >= line.bottom - 2 ? [`${fact.getAttribute('data-fact')} ${next.data.slice(0, 8)}`] : [];
      }),
    );
    expect(starts).toEqual([]);
    await context.close();
  });

test('/zh/operators/ at 390 px: a note drawn as a block in the table ends its row, with no empty line after it', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await phone(browser, baseURL!, ANDROID);
  await page.goto('/zh/operators/');
  const gaps = await page.evaluate(() =>
    [...document.querySelectorAll('.operator-facts dd .confidence')].map(
      (note) => note.closest('dd')!.getBoundingClientRect().bottom - note.getBoundingClientRect().bottom,
    ),
  );
  expect(gaps.length).toBeGreaterThan(0);
  for (const gap of gaps) expect(gap).toBeLessThan(2);
  await context.close();
});
