import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { locales, pagesToCheck, uncoveredPages } from './site-pages';

/**
 * Accessibility gates on the built site: axe with the WCAG 2.x A/AA rules on every page, in the light and the
 * dark colour scheme, and the keyboard paths a reader without a mouse needs. Fast on purpose: one browser
 * context per group of pages, each page loaded once and checked in both schemes (the dark pass re-runs only the
 * colour rules, the only ones a scheme changes), axe in its single-frame mode (our pages have no frames).
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** axe's violations on the page in view, one line per rule and element. */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode();
  const results = await (rules ? builder.withRules(rules) : builder.withTags(WCAG_TAGS)).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
    ),
  );
}

/** Every WCAG rule in the light scheme, then the colour rules in the dark scheme, on the page as it is now. */
async function bothSchemes(page: Page, where: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = (await violations(page)).map((v) => `${where} (light): ${v}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = (await violations(page, COLOUR_RULES)).map((v) => `${where} (dark): ${v}`);
  await page.emulateMedia({ colorScheme: 'light' });
  return [...light, ...dark];
}

test('the gates visit every built page', () => {
  expect(uncoveredPages()).toEqual([]);
});

// Two groups, so the two test workers share the work: the Chinese pages, and the rest.
const GROUPS = {
  'Chinese pages': (path: string) => path.startsWith('/zh/'),
  'English and bilingual pages': (path: string) => !path.startsWith('/zh/'),
};

for (const [group, inGroup] of Object.entries(GROUPS)) {
  test(`every page passes axe (WCAG 2.2 AA) in light and dark: ${group}`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'block' });
    const page = await context.newPage();
    const paths = pagesToCheck().filter(inGroup);
    expect(paths.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      if (path.includes('?q='))
        await expect(page.locator('.search-page .search-hit').first(), path).toBeVisible({ timeout: 15_000 });
      found.push(...(await bothSchemes(page, path)));
    }
    // States that only scripts create: the header search's live results, the offline indicator.
    const guide = group.startsWith('Chinese') ? '/zh/store/' : '/en/store/';
    await page.goto(guide);
    await page.locator('.site-header input[name="q"]').fill(group.startsWith('Chinese') ? '护照' : 'passport');
    await expect(page.locator('.search-live .search-hit').first()).toBeVisible({ timeout: 15_000 });
    found.push(...(await bothSchemes(page, `${guide} with live search results`)));
    await context.setOffline(true);
    await expect(page.locator('[data-sw-status]')).not.toBeEmpty();
    found.push(...(await bothSchemes(page, `${guide} offline`)));
    await context.close();
    expect(found, found.join('\n')).toEqual([]);
  });
}

test.describe('keyboard', () => {
  test('the first Tab reaches a visible skip link, and Enter moves focus to the main content', async ({ page }) => {
    for (const path of ['/zh/store/', '/en/', '/en/search/']) {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      await expect(skip, path).toBeFocused();
      await expect(skip, path).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main'), path).toBeFocused();
      // The next Tab continues inside the main content, not back in the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))), path).toBe(true);
    }
  });

  test('every element Tab reaches shows a visible focus indicator', async ({ page }) => {
    for (const path of ['/en/store/', '/zh/', '/zh/search/', '/en/show-shopkeeper/', '/404.html']) {
      await page.goto(path);
      const missing: string[] = [];
      let stops = 0;
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          return {
            what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            shadow: style.boxShadow !== 'none',
            visible: rect.width > 0 && rect.height > 0,
            key: el.outerHTML.slice(0, 120) + rect.top,
          };
        });
        if (!focus) break;
        stops++;
        if (!focus.visible || !(focus.outline || focus.shadow)) missing.push(focus.what);
      }
      expect(stops, `${path}: Tab reaches something`).toBeGreaterThan(3);
      expect(missing, `${path}: focused without a visible indicator`).toEqual([]);
    }
  });

  test('the language switcher works from the keyboard and keeps the place', async ({ page }) => {
    // A shared link to a step: the browser starts keyboard navigation there, so the reader goes back up.
    await page.goto('/zh/store/#step-pay');
    const english = page.getByRole('link', { name: 'English' });
    for (let i = 0; i < 100 && !(await english.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Shift+Tab');
    await expect(english).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/store\/#step-pay$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  for (const locale of locales()) {
    test(`search works without a mouse (${locale}): type in the header box, Tab to a result, Enter opens it`, async ({
      page,
    }) => {
      await page.goto(`/${locale}/store/`);
      const box = page.locator('.site-header input[name="q"]');
      for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      await expect(box).toBeFocused();
      const query = locale === 'zh' ? '护照' : 'passport';
      await page.keyboard.type(query);
      // The results of the whole query, not of the letters typed before it (they are replaced as they come).
      await expect(page.locator('.search-live .search-status')).toHaveAttribute('data-query', query);
      const first = page.locator('.search-live .search-hit-title').first();
      await expect(first).toBeVisible();
      const href = await first.getAttribute('href');
      // Tab from the box goes to its button, then into the results.
      for (let i = 0; i < 4 && !(await first.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      await expect(first).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
  }

  test('Enter in the header search box opens the search page with the query, and Escape closes the live results', async ({
    page,
  }) => {
    await page.goto('/en/tips/');
    const box = page.locator('.site-header input[name="q"]');
    await box.focus();
    await page.keyboard.type('receipt');
    await expect(page.locator('.search-live')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('.search-live')).toBeHidden();
    await expect(box).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/search\/\?q=receipt$/);
    await expect(page.locator('.search-page .search-hit').first()).toBeVisible();
  });
});
