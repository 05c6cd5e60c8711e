import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** What the card must say for +92 300 1234567 and Rs 500 (content/data/shopkeeper-phrases.yaml). */
const LOAD_UR = 'براہ کرم اس نمبر پر 500 روپے کا لوڈ کر دیں۔';
const LOAD_EN = 'Please put a Rs 500 load on this number.';

const LOCALES = {
  zh: {
    says: '500 卢比',
    title: '给店员看的卡片',
    next: '付完款了？显示卡片 2',
    back: '回到卡片 1',
    edit: '修改号码或金额',
    errorTitle: '请先改正以下问题',
    errorPrefix: '错误：',
  },
  en: {
    says: 'Rs 500',
    title: 'Show this to the shopkeeper',
    next: 'Paid? Show card 2',
    back: 'Back to card 1',
    edit: 'Change the number or amount',
    errorTitle: 'There is a problem',
    errorPrefix: 'Error: ',
  },
} as const;

async function ask(page: Page, number: string, amount: string, kind: 'load' | 'bundle' = 'load') {
  await page.locator('#sk-number').fill(number);
  await page.locator(`#sk-kind-${kind}`).check();
  await page.locator('#sk-amount').fill(amount);
  await page.locator('.sk-submit').click();
}

/** Where a piece of text inside an element is drawn, to check the direction of mixed Urdu and digits. */
async function textLeft(element: Locator, text: string): Promise<number> {
  return element.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return range.getBoundingClientRect().left;
    }
    throw new Error(`"${needle}" not found`);
  }, text);
}

async function fontSize(element: Locator): Promise<number> {
  return element.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

for (const [locale, strings] of Object.entries(LOCALES)) {
  test.describe(`/${locale}/show-shopkeeper/`, () => {
    test('a number and an amount give a card in Urdu (right to left) and English, with the number grouped', async ({
      page,
    }) => {
      await page.goto(`/${locale}/show-shopkeeper/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings.title);
      await expect(page.locator('.sk-section:visible')).toHaveCount(0);
      await ask(page, '+92 300 1234567', '500');

      const section = page.locator('#card-load');
      await expect(section).toBeVisible();
      await expect(section).toBeFocused();
      await expect(page.locator('.sk-section:visible')).toHaveCount(1);
      const urdu = section.locator('.sk-card [lang="ur"]');
      await expect(urdu).toHaveAttribute('dir', 'rtl');
      await expect(urdu.locator('.sk-main')).toHaveText(LOAD_UR);
      await expect(urdu.locator('[data-phrase="greeting"]')).toHaveText('السلام علیکم');
      await expect(section.locator('.sk-card [lang="en"] .sk-main')).toHaveText(LOAD_EN);
      await expect(section.locator('.sk-number')).toHaveText('0300 1234567');
      // Right to left: the amount's digits are drawn to the right of روپے, and the number stays 0300 then 1234567.
      const amount = urdu.locator('[data-slot="amount"]');
      expect(await textLeft(amount, '500')).toBeGreaterThan(await textLeft(amount, 'روپے'));
      const number = section.locator('.sk-number');
      expect(await textLeft(number, '0300')).toBeLessThan(await textLeft(number, '1234567'));
      // Very large type, and the whole card on one phone screen.
      expect(await fontSize(urdu.locator('.sk-main'))).toBeGreaterThanOrEqual(32);
      expect(await fontSize(section.locator('.sk-card [lang="en"] .sk-main'))).toBeGreaterThanOrEqual(32);
      expect(await fontSize(number)).toBeGreaterThanOrEqual(40);
      await expect(section.locator('.sk-card')).toBeInViewport({ ratio: 1 });
      // Underneath, in the reader's language.
      await expect(section.locator('.sk-explain')).toContainText(strings.says);
      await expect(section.locator('.sk-explain')).toContainText('0300 1234567');
    });

    test('card 2, for after paying, asks to check the SMS and for a receipt, and leads back', async ({ page }) => {
      await page.goto(`/${locale}/show-shopkeeper/`);
      await ask(page, '0345-7654321', '1,000', 'bundle');
      await expect(page.locator('#card-bundle .sk-card [lang="ur"] .sk-main')).toHaveText(
        'براہ کرم اس نمبر پر 1,000 روپے والا انٹرنیٹ پیکج لگا دیں۔',
      );
      await expect(page.locator('#card-bundle .sk-card [lang="en"] .sk-main')).toHaveText(
        'Please put a Rs 1,000 internet package on this number.',
      );
      await expect(page.locator('#card-bundle .sk-card')).toBeInViewport({ ratio: 1 });

      await page.getByRole('button', { name: strings.next }).click();
      const after = page.locator('#card-after');
      await expect(after).toBeFocused();
      await expect(page.locator('.sk-section:visible')).toHaveCount(1);
      await expect(after.locator('.sk-card [lang="ur"]')).toHaveAttribute('dir', 'rtl');
      await expect(after.locator('.sk-card [lang="ur"] .sk-main')).toHaveText([
        'براہ کرم چیک کر لیں کہ اس نمبر پر میسج آ گیا ہے۔',
        'براہ کرم رسید دے دیں۔',
      ]);
      await expect(after.locator('.sk-card [lang="en"] .sk-main')).toHaveText([
        'Please check that the SMS has come to this number.',
        'Please give me a receipt.',
      ]);
      await expect(after.locator('.sk-number')).toHaveText('0345 7654321');
      await expect(after.locator('.sk-card')).toBeInViewport({ ratio: 1 });

      await page.getByRole('button', { name: strings.back }).click();
      await expect(page.locator('#card-bundle')).toBeVisible();
      await page.locator('#card-bundle').getByRole('button', { name: strings.edit }).click();
      await expect(page.locator('#sk-number')).toBeFocused();
      await expect(page.locator('#sk-number')).toHaveValue('0345 7654321');
      await expect(page.locator('.sk-section:visible')).toHaveCount(0);
    });

    test('bad numbers and amounts are explained, linked from an error summary, and give no card', async ({ page }) => {
      await page.goto(`/${locale}/show-shopkeeper/`);
      const pageTitle = await page.title();
      for (const [number, amount, errors] of [
        ['0300 12345', '500', ['number']],
        ['+44 7700 900123', '500', ['number']],
        ['', '', ['number', 'amount']],
        ['03001234567', '5', ['amount']],
        ['03001234567', '20000', ['amount']],
        ['03001234567', '99.50', ['amount']],
        ['0300 123456a', 'five hundred', ['number', 'amount']],
      ] as const) {
        await ask(page, number, amount);
        const summary = page.locator('#sk-errors');
        await expect(summary, `${number} / ${amount}`).toBeVisible();
        await expect(summary).toBeFocused();
        await expect(summary.getByRole('heading')).toHaveText(strings.errorTitle);
        await expect(summary.getByRole('link')).toHaveCount(errors.length);
        await expect(page.locator('.sk-section:visible')).toHaveCount(0);
        await expect(page).toHaveTitle(`${strings.errorPrefix}${pageTitle}`);
        for (const field of ['number', 'amount'] as const) {
          const input = page.locator(`#sk-${field}`);
          const message = page.locator(`#sk-${field}-error`);
          if ((errors as readonly string[]).includes(field)) {
            await expect(input).toHaveAttribute('aria-invalid', 'true');
            await expect(input).toHaveAttribute('aria-describedby', `sk-${field}-hint sk-${field}-error`);
            await expect(message).toBeVisible();
            await expect(message).toContainText(strings.errorPrefix.trim());
            const shown = (await message.innerText()).replace(strings.errorPrefix.trim(), '').trim();
            expect(await summary.getByRole('link').allInnerTexts(), `the summary lists the ${field} message`).toContain(
              shown,
            );
          } else {
            await expect(input).not.toHaveAttribute('aria-invalid');
            await expect(message).toBeHidden();
          }
        }
      }
      // A summary link puts the cursor in its field; a corrected form gives the card and clears every error.
      await summaryLinkFocuses(page);
      await ask(page, '0300 1234567', '500');
      await expect(page.locator('#card-load')).toBeVisible();
      await expect(page.locator('#sk-errors')).toBeHidden();
      await expect(page).toHaveTitle(pageTitle);
      await page.locator('#card-load').getByRole('button', { name: strings.edit }).click();
      await expect(page.locator('#sk-number')).not.toHaveAttribute('aria-invalid');
      await expect(page.locator('#sk-amount-error')).toBeHidden();
    });

    test('passes axe in every state: form, errors, card 1, card 2', async ({ page }) => {
      const check = async (state: string) => {
        const results = await new AxeBuilder({ page }).include('main').analyze();
        expect(
          results.violations.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      };
      await page.goto(`/${locale}/show-shopkeeper/`);
      await check('form');
      await ask(page, '12', 'x');
      await check('errors');
      await ask(page, '03001234567', '500');
      await check('card 1');
      await page.getByRole('button', { name: strings.next }).click();
      await check('card 2');
    });

    test('with JavaScript off, the blank cards are there to fill in by hand, and no form', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`/${locale}/show-shopkeeper/`);
      await expect(page.locator('#sk-form')).toBeHidden();
      await expect(page.locator('#blank-cards')).toBeVisible();
      for (const card of ['load', 'bundle', 'after']) {
        const section = page.locator(`#card-${card}`);
        await expect(section).toBeVisible();
        await expect(section.locator('.sk-card [lang="ur"]')).toHaveAttribute('dir', 'rtl');
        await expect(section.locator('.sk-number .sk-box')).toHaveCount(11);
        await expect(section.getByRole('button')).toHaveCount(0);
      }
      await expect(page.locator('#card-load .sk-card [lang="ur"] .sk-main')).toContainText('براہ کرم اس نمبر پر');
      await expect(page.locator('#card-load .sk-card [lang="en"] .sk-main .sk-blank')).toBeVisible();
      // The Urdu blank comes before روپے when read right to left, i.e. it is drawn to its right.
      const amount = page.locator('#card-load .sk-card [lang="ur"] [data-slot="amount"]');
      const blank = await amount.locator('.sk-blank').boundingBox();
      expect(blank!.x).toBeGreaterThan(await textLeft(amount, 'روپے'));

      await page.emulateMedia({ media: 'print' });
      for (const card of ['load', 'bundle', 'after'])
        await expect(page.locator(`#card-${card} .sk-card`)).toBeVisible();
      await expect(page.locator('.sk-nojs')).toBeHidden();
      await context.close();
    });

    test('printing after filling in gives the two filled cards, never the form', async ({ page }) => {
      await page.goto(`/${locale}/show-shopkeeper/`);
      await ask(page, '03001234567', '500');
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('#card-load .sk-card')).toBeVisible();
      await expect(page.locator('#card-after .sk-card')).toBeVisible();
      await expect(page.locator('#card-bundle')).toBeHidden();
      await expect(page.locator('#sk-form')).toBeHidden();
      await expect(page.locator('#card-after .sk-number')).toHaveText('0300 1234567');
    });

    test('nothing leaves the phone: no request to another origin, and none at all for a card', async ({
      page,
      baseURL,
    }) => {
      const watch = watchPage(page, new URL(baseURL!).origin);
      await page.goto(`/${locale}/show-shopkeeper/`);
      await page.waitForLoadState('networkidle');
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await ask(page, '0300 1234567', '500');
      await page.getByRole('button', { name: strings.next }).click();
      await expect(page.locator('#card-after')).toBeVisible();
      expect(requests).toEqual([]);
      expect(page.url()).toBe(new URL(`/${locale}/show-shopkeeper/`, baseURL).href);
      watch.expectClean();
    });
  });
}

async function summaryLinkFocuses(page: Page) {
  await page.locator('#sk-errors').getByRole('link').first().click();
  await expect(page.locator('#sk-number')).toBeFocused();
}

test.describe('the shopkeeper card, in more situations', () => {
  test('in landscape each whole card still fits the screen, in large type', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const [locale, strings] of Object.entries(LOCALES)) {
      for (const kind of ['load', 'bundle'] as const) {
        await page.goto(`/${locale}/show-shopkeeper/`);
        await ask(page, '03001234567', '1500', kind);
        const card = page.locator(`#card-${kind} .sk-card`);
        await expect(card, `${locale} ${kind}`).toBeInViewport({ ratio: 1 });
        expect(await fontSize(card.locator('[lang="ur"] .sk-main'))).toBeGreaterThanOrEqual(32);
        expect(await fontSize(card.locator('[lang="en"] .sk-main'))).toBeGreaterThanOrEqual(32);
        await page.getByRole('button', { name: strings.next }).click();
        await expect(page.locator('#card-after .sk-card'), `${locale} after`).toBeInViewport({ ratio: 1 });
      }
    }
    await context.close();
  });

  test('a number is remembered only when asked, and one tap forgets it', async ({ page }) => {
    await page.goto('/en/show-shopkeeper/');
    const stored = () => page.evaluate(() => localStorage.getItem('shopkeeper-number'));
    await ask(page, '0300 1234567', '500');
    expect(await stored()).toBeNull();

    await page.getByRole('button', { name: LOCALES.en.edit }).first().click();
    await page.getByLabel('Remember this number on this phone').check();
    await ask(page, '+92 321 7654321', '200');
    expect(await stored()).toBe('03217654321');

    await page.reload();
    await expect(page.locator('#sk-number')).toHaveValue('0321 7654321');
    await expect(page.getByLabel('Remember this number on this phone')).toBeChecked();
    await expect(page.locator('#sk-saved')).toContainText('0321 7654321');
    await page.getByRole('button', { name: 'Forget the saved number' }).click();
    expect(await stored()).toBeNull();
    await expect(page.locator('#sk-number')).toHaveValue('');
    await expect(page.locator('#sk-number')).toBeFocused();
    await expect(page.locator('#sk-status')).toHaveText('The saved number has been deleted from this phone.');
    await page.reload();
    await expect(page.locator('#sk-number')).toHaveValue('');
  });

  test('if its script cannot load (say, offline and not cached), the page still offers the blank cards', async ({
    page,
  }) => {
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto('/en/show-shopkeeper/');
    await expect(page.locator('#card-load .sk-number .sk-box')).toHaveCount(11);
    await expect(page.locator('#card-load')).toBeVisible();
    await expect(page.locator('#blank-cards')).toBeVisible();
    await expect(page.locator('#sk-form')).toBeHidden();
    // This is also the page as built, before any script runs: axe checks the blank cards here.
    expect((await new AxeBuilder({ page }).include('main').analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test('the full-screen button shows the card alone, and toggles back', async ({ page }) => {
    await page.goto('/en/show-shopkeeper/');
    await ask(page, '03001234567', '500');
    const button = page.locator('#card-load').getByRole('button', { name: 'Full screen' });
    await button.click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id)).toBe('shopkeeper');
    await expect(page.locator('#card-load').getByRole('button', { name: 'Exit full screen' })).toBeVisible();
    await page.locator('#card-load').getByRole('button', { name: 'Exit full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });
});
