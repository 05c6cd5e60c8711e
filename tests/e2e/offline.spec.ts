import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { buildB, buildWith } from '../unit/helpers/fixture-build';
import { startStaticServer, type StaticServer } from '../tools/static-server';
import { formatSize, LANGUAGE_COPY_BUDGET_BYTES } from '../../src/features/offline/offline';
import { savedPaths } from './helpers';

/**
 * The offline copy (issue 15), on the built site (production build, so the worker is registered). Chromium allows
 * service workers on http://127.0.0.1. `context.setOffline(true)` cuts the page and the worker off the network.
 * One visit saves that language's pages and search; the other language is saved when the reader opens a page in it
 * or taps its "save" button; a reader saving data is asked first; updates never mix builds.
 */
const DIST = resolve(import.meta.dirname, '../../dist');
const PORT = Number(process.env['PORT'] ?? 4321);

/** Every page of the sitemap, as paths (`/`, `/en/store/`, …). */
function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
const pagesOf = (lang: string) => sitemapPaths().filter((p) => p.startsWith(`/${lang}/`));

/** Wait until the service worker has installed (the copy saved) and controls the page. */
async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

const allSaved = (saved: Record<string, string[]>) => Object.values(saved).flat();

/** Delete saved files from the offline copy, as eviction or a half-cleared cache would. */
async function dropFromCopy(page: Page, paths: string[]): Promise<number> {
  return page.evaluate(async (paths) => {
    let dropped = 0;
    for (const name of await caches.keys()) {
      if (!name.startsWith('workbox-precache')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (paths.includes(new URL(request.url).pathname) && (await cache.delete(request))) dropped++;
      }
    }
    return dropped;
  }, paths);
}

/** Everything the browser (pages, Pagefind's worker, the service worker) asks the server for. */
function recordRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

/** Pagefind's own API in the page: the paths of the first results for a query. */
async function search(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (query) => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const { results } = await pagefind.search(query);
    const pages = await Promise.all(results.slice(0, 5).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
    return pages.map((p) => new URL(p.url, location.origin).pathname);
  }, query);
}

const OFFLINE_TITLE = { zh: '现在没有网络', en: 'You are offline' };
const SAVED = {
  zh: /^已保存，可离线阅读：(\d+) 个页面，(.+)。$/,
  en: /^Saved for offline reading: (\d+) pages, (.+)\.$/,
};
const today = (locale: string) =>
  new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date());

/** The footer's quiet line once the language of the page is saved. */
async function expectSavedLine(page: Page, lang: 'zh' | 'en'): Promise<void> {
  const line = page.locator('[data-sw-saved]');
  await expect(line).toHaveText(SAVED[lang], { timeout: 20_000 });
  const [, count, date] = SAVED[lang].exec((await line.textContent())!)!;
  expect(Number(count)).toBe(pagesOf(lang).length);
  expect(date).toBe(today(lang));
}

test.describe("the reader's language first", () => {
  test('one visit to a Chinese page saves every Chinese page and the Chinese search, and nothing English', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    const requests = recordRequests(context);
    await page.goto('/zh/store/');
    await waitForWorker(page);
    await expectSavedLine(page, 'zh');
    // One download for the core and the Chinese copy (the worker's requests are seen too), and nothing of the English
    // copy: no English page, index or search file beyond the core group.
    expect(requests.filter((p) => p.startsWith('/_offline/'))).toEqual([
      expect.stringMatching(/^\/_offline\/zh-first\.\w+\.json$/),
      expect.stringMatching(/^\/_offline\/zh-auto-search\.\w+\.wasm$/),
    ]);
    const english = requests.filter((p) =>
      /^\/en\/(?!offline\/|manifest)|^\/_offline\/en|wasm\.en|\/pagefind\/(?:index|fragment|filter)\/en_|pagefind\.en_/.test(
        p,
      ),
    );
    expect(english).toEqual([]);
    const saved = await savedPaths(page);
    expect(
      allSaved(saved).filter(
        (p) => p.startsWith('/en/') && !p.startsWith('/en/offline/') && !p.endsWith('manifest.webmanifest'),
      ),
    ).toEqual([]);

    await context.setOffline(true);
    for (const path of pagesOf('zh')) {
      const response = await page.goto(path);
      expect(response?.ok(), path).toBe(true);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1, path).toBeVisible();
      await expect(h1, path).not.toHaveText(OFFLINE_TITLE.zh);
      // The indicator says this is a saved copy, with the guide's last-checked date where the page has one.
      const status = page.getByRole('status').filter({ hasText: '没有网络' });
      await expect(status, path).toBeVisible();
      const checked = page.locator('.page-sources time[datetime]');
      if (await checked.count()) await expect(status.locator('time'), path).toHaveText((await checked.textContent())!);
    }
    await page.goto('/zh/store/');
    expect(await search(page, '营业厅')).toContain('/zh/store/');
    // `/` sends a zh-CN browser on to /zh/, which is saved.
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh\/$/);

    // English is not saved: its pages are the English offline page.
    await page.goto('/en/store/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OFFLINE_TITLE.en);
    await context.setOffline(false);
    await page.goto('/zh/store/');
    await expect(page.locator('[data-sw-status]')).toBeEmpty();
    await expect(page.locator('[data-sw-status]')).toHaveJSProperty('offsetHeight', 0);
  });

  test('opening a page in the other language saves that language too: then both work offline, search included', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/en/atm-bank/');
    await waitForWorker(page);
    await expectSavedLine(page, 'en');
    await page.goto('/zh/atm-bank/');
    await expectSavedLine(page, 'zh');

    await context.setOffline(true);
    for (const path of [...pagesOf('en'), ...pagesOf('zh')]) {
      const response = await page.goto(path);
      expect(response?.ok(), path).toBe(true);
      await expect(page.getByRole('heading', { level: 1 }), path).not.toHaveText(
        new RegExp(`${OFFLINE_TITLE.zh}|${OFFLINE_TITLE.en}`),
      );
    }
    await page.goto('/en/store/');
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText(
      'last checked 1 December 2026',
    );
    expect(await search(page, 'franchise')).toContain('/en/store/');
    await page.goto('/zh/store/');
    expect(await search(page, '营业厅')).toContain('/zh/store/');
    // The switcher keeps its place between saved pages.
    await page.goto('/zh/store/#step-pay');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/store\/#step-pay$/);
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');
  });

  test('the switcher to a language not saved shows its offline page, which lists what is saved', async ({
    page,
    context,
  }) => {
    await page.goto('/zh/store/');
    await waitForWorker(page);
    await expectSavedLine(page, 'zh');
    await context.setOffline(true);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/store\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OFFLINE_TITLE.en);
    const saved = page.locator('[data-offline-saved]');
    await expect(saved).toContainText('No English pages are saved on this phone yet.');
    await expect(saved).toContainText('Also saved, in 简体中文:');
    const links = saved.locator('ul[lang="zh-CN"] a');
    expect(await links.count()).toBe(pagesOf('zh').length);
    await links.filter({ hasText: '去运营商营业厅充值' }).click();
    await expect(page).toHaveURL(/\/zh\/store\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('去运营商营业厅充值');

    // A page that does not exist at all: the offline page in the URL's language (else the browser's), listing the saved pages.
    for (const [path, locale, lang] of [
      ['/zh/not-saved-yet/', 'zh', 'zh-CN'],
      ['/elsewhere/', 'zh', 'zh-CN'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(OFFLINE_TITLE[locale]);
      await expect(page.locator('[data-offline-saved] li a').first(), path).toHaveAttribute('href', /^\/zh\//);
      // No "you are offline" strip on top of a page that already says so.
      await expect(page.locator('[data-sw-status]')).toHaveCount(0);
    }
  });

  test('the small "save" button in the other language saves it without opening it', async ({ page, context }) => {
    await page.goto('/zh/tips/');
    await waitForWorker(page);
    await expectSavedLine(page, 'zh');
    const button = page.locator('[data-sw-save-other="en"] button');
    await expect(button).toHaveAttribute('lang', 'en');
    await expect(button).toHaveText('Save the English pages for offline reading');
    await button.click();
    await expect(page.locator('[data-sw-save-other="en"]')).toBeHidden({ timeout: 20_000 });
    await context.setOffline(true);
    for (const path of pagesOf('en')) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).not.toHaveText(OFFLINE_TITLE.en);
    }
    // Both saved: no save button left.
    await expect(page.locator('[data-sw-save-other]')).toBeHidden();
    await expectSavedLine(page, 'en');
  });

  test("query strings are ignored offline: Pagefind's pagefind-entry.json?ts=… and shared links with ?q= still come from the saved files", async ({
    page,
    context,
  }) => {
    await page.goto('/zh/');
    await waitForWorker(page);
    await context.setOffline(true);
    const manifest = await page.evaluate(async () => {
      const response = await fetch(`/zh/manifest.webmanifest?ts=${Date.now()}`);
      return { ok: response.ok, body: (await response.json()) as { start_url: string } };
    });
    expect(manifest).toEqual({ ok: true, body: expect.objectContaining({ start_url: '/zh/' }) });
    expect(await page.evaluate(async () => (await fetch(`/pagefind/pagefind-entry.json?ts=${Date.now()}`)).ok)).toBe(
      true,
    );
    await page.goto('/zh/store/?q=%E8%90%A5%E4%B8%9A%E5%8E%85&utm_source=x');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(OFFLINE_TITLE.zh);
    await expect(page.locator('#step-pay')).toBeVisible();
    await page.goto('/zh/store');
    await expect(page.locator('#step-pay')).toBeVisible();
  });

  test('without service workers the site works as a plain website', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto('/zh/store/');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    await expect(page.locator('[data-sw-update]')).toBeEmpty();
    await expect(page.locator('[data-sw-saved]')).toBeEmpty();
    await expect(page.locator('[data-sw-save-other]')).toBeHidden();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('saved files that went missing are fetched back from the server, so the site works offline again', async ({
    page,
    context,
  }) => {
    await page.goto('/zh/');
    await waitForWorker(page);
    const script = await page.locator('script[src*="SiteScript"]').getAttribute('src');
    const wasm = allSaved(await savedPaths(page)).find((p) => p.endsWith('.pagefind') && p.includes('/wasm.'))!;
    expect(await dropFromCopy(page, ['/zh/store/index.html', script!, wasm])).toBe(3);

    // The next page load puts them back: the script on request, the rest through the repair it asks for.
    await page.reload();
    await expect
      .poll(
        async () =>
          allSaved(await savedPaths(page)).filter((p) => [script, '/zh/store/index.html', wasm].includes(p)).length,
      )
      .toBe(3);

    await context.setOffline(true);
    await page.goto('/zh/store/');
    await expect(page.locator('#step-pay')).toContainText('现金');
    expect(await search(page, '营业厅')).toContain('/zh/store/');
  });

  test("the states the offline copy adds pass axe: the footer line and button, the offline page's lists", async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/en/store/');
    await waitForWorker(page);
    await expectSavedLine(page, 'en');
    await expect(page.locator('[data-sw-save-other="zh"]')).toBeVisible();
    const found: string[] = [];
    const axe = async (where: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const results = await new AxeBuilder({ page })
          .setLegacyMode()
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
          .analyze();
        found.push(
          ...results.violations.flatMap((v) =>
            v.nodes.map((n) => `${where} (${scheme}): ${v.id}: ${n.target.join(' ')}`),
          ),
        );
      }
    };
    await axe('/en/store/ with the saved line');
    await context.setOffline(true);
    await page.goto('/zh/store/');
    await expect(page.locator('[data-offline-saved]')).toContainText('另外还保存了这些页面（English）：');
    await axe('/zh/store/ offline (the Chinese offline page)');
    expect(found).toEqual([]);
  });
});

test.describe('a page checked long ago', () => {
  test("says so next to its last-checked date, on the reader's own date, in its language; without JavaScript the date stands alone", async ({
    browser,
    baseURL,
  }) => {
    for (const [now, stale] of [
      ['2027-03-01T09:00:00', false],
      ['2027-03-02T09:00:00', true],
    ] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(now));
      await page.goto('/en/store/');
      const checked = page.locator('.page-sources .last-checked');
      // 2026-12-01 + 90 days = 2027-03-01: on that day the facts are 90 days old, the day after more than 90.
      if (stale)
        await expect(checked).toHaveText(
          'Last checked: 1 December 2026 (more than 90 days ago: check with your operator before you pay)',
        );
      else await expect(checked).toHaveText('Last checked: 1 December 2026');
      await page.goto('/zh/store/');
      if (stale)
        await expect(page.locator('.page-sources .last-checked')).toHaveText(
          '最后核实：2026年12月1日（已超过 90 天，付款前请先向运营商核实）',
        );
      else await expect(page.locator('.page-sources .last-checked')).toHaveText('最后核实：2026年12月1日');
      await context.close();
    }
    const noScript = await browser.newContext({ baseURL: baseURL!, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto('/en/store/');
    await expect(page.locator('.page-sources .last-checked')).toHaveText('Last checked: 1 December 2026');
    await noScript.close();
  });
});

test.describe('a reader saving data (Save-Data)', () => {
  test.beforeEach(async ({ context }) => {
    // Chromium's data saver shows as navigator.connection.saveData.
    await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  });

  test('is asked before the offline copy is downloaded, and has the language of the page offline once they agree', async ({
    page,
    context,
  }) => {
    const requests = recordRequests(context);
    await page.goto('/en/store/');
    const offer = page.locator('[data-sw-offer]');
    await expect(offer).toBeVisible();
    await expect(offer).toContainText(`downloads at most ${formatSize(LANGUAGE_COPY_BUDGET_BYTES)}`);
    await page.waitForLoadState('networkidle');
    // Nothing of the offline copy yet: no worker, no saved files, no pack downloaded.
    expect(
      await page.evaluate(async () => ({
        worker: Boolean(await navigator.serviceWorker.getRegistration()),
        caches: (await caches.keys()).length,
      })),
    ).toEqual({ worker: false, caches: 0 });
    expect(requests.filter((p) => p.startsWith('/_offline/') || p === '/sw.js')).toEqual([]);

    await offer.getByRole('button', { name: 'Save for offline reading' }).click();
    await expect(offer.locator('.sw-offer-status')).toHaveText('Saved. These pages now work without a connection.', {
      timeout: 20_000,
    });
    await waitForWorker(page);
    await expectSavedLine(page, 'en');
    await context.setOffline(true);
    expect((await page.goto('/en/tips/'))?.ok()).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(OFFLINE_TITLE.en);
    // The worker controls the site now and English is saved: no offer on the next pages.
    await expect(page.locator('[data-sw-offer]')).toBeHidden();
  });

  test('opening a page in the other language asks again instead of downloading it', async ({ page, context }) => {
    await page.goto('/en/store/');
    await page.locator('[data-sw-offer]').getByRole('button', { name: 'Save for offline reading' }).click();
    await waitForWorker(page);
    await expectSavedLine(page, 'en');

    await page.goto('/zh/store/');
    const offer = page.locator('[data-sw-offer]');
    await expect(offer).toBeVisible();
    await expect(offer).toContainText(`最多下载 ${formatSize(LANGUAGE_COPY_BUDGET_BYTES)}`);
    await page.waitForTimeout(1000);
    expect(
      allSaved(await savedPaths(page)).filter(
        (p) => p.startsWith('/zh/') && !p.startsWith('/zh/offline/') && !p.endsWith('manifest.webmanifest'),
      ),
    ).toEqual([]);
    await offer.getByRole('button', { name: '保存，离线也能看' }).click();
    await expect(offer.locator('.sw-offer-status')).toHaveText('已保存。现在没有网络也能打开这些页面。', {
      timeout: 20_000,
    });
    await expectSavedLine(page, 'zh');
    await context.setOffline(true);
    expect((await page.goto('/zh/tips/'))?.ok()).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(OFFLINE_TITLE.zh);
  });
});

test('readers not saving data never see the offer, and get the offline copy by themselves', async ({ page }) => {
  await page.goto('/zh/store/');
  await waitForWorker(page);
  await expect(page.locator('[data-sw-offer]')).toBeHidden();
  await expectSavedLine(page, 'zh');
});

/**
 * A site too big to save whole at once (here: the real site with a tiny budget, as a thousand guides would be): a
 * first visit saves the essentials (the home page, the pages of its "no data" box, the search page) and whatever
 * else fits; a page the reader opens is saved as it is read; "Save all" saves the rest.
 */
test.describe('a copy bigger than the budget', () => {
  test.describe.configure({ mode: 'serial' });
  let server: StaticServer;
  let copy: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const result = buildWith(
      (file) => {
        const lib = file('src/features/offline/offline.ts');
        lib.write(
          lib
            .read()
            .replace(
              /export const LANGUAGE_COPY_BUDGET_BYTES = [^;]+;/,
              'export const LANGUAGE_COPY_BUDGET_BYTES = 53 * 1024;',
            ),
        );
      },
      { keep: true },
    );
    copy = result.dir;
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toMatch(/zh: a first visit saves \d+ of \d+ pages and essentials in/);
    server = await startStaticServer(join(copy, 'dist'), PORT + 61);
  });

  test.afterAll(async () => {
    await server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('saves the essentials at once, an opened page as it is read, and the rest on request', async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/zh/');
    await waitForWorker(page);
    const line = page.locator('[data-sw-saved]');
    await expect(line).toHaveText(/^已保存，可离线阅读：\d+ 个页面中的 \d+ 个，.+。其他页面打开后会自动保存。$/, {
      timeout: 20_000,
    });
    const essentials = [
      '/zh/',
      '/zh/search/',
      '/zh/store/',
      '/zh/convenience-shop/',
      '/zh/show-shopkeeper/',
      '/zh/third-party/',
      '/zh/wechat-alipay/',
      '/zh/tips/',
      '/zh/operators/',
    ];
    const saved = () => savedPaths(page).then((s) => allSaved(s).map((p) => p.replace(/index\.html$/, '')));
    expect(await saved()).toEqual(expect.arrayContaining(essentials));
    expect(await saved()).not.toContain('/zh/sim-types/');

    // Opening a page saves it.
    await page.goto('/zh/sim-types/');
    await expect.poll(saved).toContain('/zh/sim-types/');
    await context.setOffline(true);
    for (const path of [...essentials, '/zh/sim-types/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).not.toHaveText(OFFLINE_TITLE.zh);
    }
    await page.goto('/zh/atm-bank/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OFFLINE_TITLE.zh);
    await context.setOffline(false);

    // "Save all N pages (size)" saves the rest: then every page and the search work offline.
    await page.goto('/zh/');
    const all = page.locator('[data-sw-save-all]');
    await expect(all).toHaveText(new RegExp(`^保存全部 ${pagesOf('zh').length} 个页面（\\d+ KB）$`));
    await all.click();
    await expect(line).toHaveText(SAVED.zh, { timeout: 20_000 });
    await expect(all).toBeHidden();
    await context.setOffline(true);
    for (const path of pagesOf('zh')) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).not.toHaveText(OFFLINE_TITLE.zh);
    }
    await page.goto('/zh/store/');
    expect(await search(page, '营业厅')).toContain('/zh/store/');
    await context.close();
  });
});

/**
 * Deploys: build A is the site under test (dist/); build B is the same site with a visible marker in every page
 * and a changed script (so its hashed file names differ), served in turn on one origin by a tiny static host.
 */
test.describe('a new deploy', () => {
  test.describe.configure({ mode: 'serial' });
  let server: StaticServer;
  let copy: string;
  let filesOf: { A: Set<string>; B: Set<string> };
  const MARKER = '[build B]';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const result = buildB(MARKER);
    copy = result.dir;
    expect(result.ok, result.output).toBe(true);
    const assets = (dist: string) => new Set(readdirSync(join(dist, '_astro')).map((f) => `/_astro/${f}`));
    filesOf = { A: assets(DIST), B: assets(join(copy, 'dist')) };
    server = await startStaticServer(DIST, PORT + 60);
  });

  test.afterAll(async () => {
    await server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  /** Which build the page in view and every script it loaded come from; 'mixed' if they disagree. */
  async function buildOfPage(page: Page): Promise<string> {
    const { marked, scripts, flag } = await page.evaluate(() => ({
      marked: document.body.textContent?.includes('[build B]') ?? false,
      flag: document.documentElement.dataset['build'] ?? null,
      scripts: performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/_astro/')),
    }));
    const html = marked ? 'B' : 'A';
    const fromScripts = new Set(
      scripts.map((s) =>
        filesOf.B.has(s) && !filesOf.A.has(s) ? 'B' : filesOf.A.has(s) && !filesOf.B.has(s) ? 'A' : 'both',
      ),
    );
    fromScripts.delete('both');
    const js = flag === 'B' ? 'B' : 'A';
    return fromScripts.size > 1 || [...fromScripts].some((b) => b !== html) || js !== html
      ? `mixed: ${html} ${js} ${[...fromScripts].join()}`
      : html;
  }

  test('the open page keeps its build until the reader reloads, then all is the new build in both saved languages, with no reload loop', async ({
    browser,
  }) => {
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    const failed: string[] = [];
    page.on('response', (r) => !r.ok() && failed.push(`${r.status()} ${r.url()}`));

    // Build A, both languages saved (the second by opening one of its pages).
    await page.goto('/en/');
    await waitForWorker(page);
    await expectSavedLine(page, 'en');
    await page.goto('/zh/store/');
    await expectSavedLine(page, 'zh');
    expect(await buildOfPage(page)).toBe('A');

    server.deploy(join(copy, 'dist'));
    await page.reload(); // the browser checks for a new worker on navigation
    const notice = page.getByRole('status').filter({ hasText: '本指南有新版本' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    expect(await buildOfPage(page)).toBe('A');

    const before = loads;
    await notice.getByRole('button', { name: '刷新' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-build', 'B');
    await page.waitForLoadState('networkidle');
    expect(await buildOfPage(page)).toBe('B');
    expect(loads - before).toBe(1);
    await expect(page.locator('[data-sw-update]')).toBeEmpty();

    // Still B, still no notice, on the next visit and offline, in both languages: the new worker saved both before
    // taking over, and the files of build A are gone.
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-sw-update]')).toBeEmpty();
    const saved = allSaved(await savedPaths(page));
    for (const file of filesOf.A) if (!filesOf.B.has(file)) expect(saved, file).not.toContain(file);
    await context.setOffline(true);
    for (const path of ['/en/', '/en/store/', '/zh/', '/zh/tips/', '/en/search/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).not.toHaveText(
        new RegExp(`${OFFLINE_TITLE.zh}|${OFFLINE_TITLE.en}`),
      );
      expect(await buildOfPage(page), path).toBe('B');
    }
    expect(await search(page, 'franchise')).toContain('/en/store/');
    expect(failed).toEqual([]);
    await context.close();
  });

  test('with an update waiting, following a link opens the next page from the new build', async ({ browser }) => {
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/en/');
    await waitForWorker(page);
    server.deploy(join(copy, 'dist'));
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'A newer version' })).toBeVisible({ timeout: 30_000 });
    expect(await buildOfPage(page)).toBe('A');
    await page.locator('.cards a').first().click();
    // The click first hands over to the waiting worker, then navigates: on a busy machine that takes a while.
    await expect(page).toHaveURL(/\/en\/store\/$/, { timeout: 20_000 });
    // Build B's script marks the page once it runs: as slow as the hand-over there (it missed 5 s once, under load).
    await expect(page.locator('html')).toHaveAttribute('data-build', 'B', { timeout: 20_000 });
    expect(await buildOfPage(page)).toBe('B');
    await context.close();
  });

  test('an old worker whose copy lost files hands over to the new build instead of breaking pages', async ({
    browser,
  }) => {
    // Two full saves of the Chinese copy and a hand-over: on two busy cores this outlasts the default 30 s, and the
    // hand-over alone once outlasted 30 s in a full fresh-check run (it passes in 3 s alone).
    test.setTimeout(120_000);
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/zh/');
    await waitForWorker(page);
    await expectSavedLine(page, 'zh');
    const script = await page.locator('script[src*="SiteScript"]').getAttribute('src');
    expect(await dropFromCopy(page, ['/zh/tips/index.html', script!])).toBe(2);

    // B is deployed: A's script and packs are gone from the server, so A's worker cannot repair its copy.
    server.deploy(join(copy, 'dist'));
    await page.goto('/zh/store/');
    await expect
      .poll(
        async () => {
          const html = await page.evaluate(() => fetch('/zh/store/').then((r) => r.text()));
          return html.includes('[build B]');
        },
        { timeout: 60_000 },
      )
      .toBe(true);

    await page.goto('/zh/store/');
    expect(await buildOfPage(page)).toBe('B');
    await expectSavedLine(page, 'zh');
    await context.setOffline(true);
    await page.goto('/zh/tips/');
    expect(await buildOfPage(page)).toBe('B');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(OFFLINE_TITLE.zh);
    await context.close();
  });

  test("a saved page missing from an old worker's copy opens from the new deploy, not as an error", async ({
    browser,
  }) => {
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/en/');
    await waitForWorker(page);
    expect(await dropFromCopy(page, ['/en/store/index.html'])).toBe(1);

    server.deploy(join(copy, 'dist'));
    const response = await page.goto('/en/store/');
    expect(response?.ok()).toBe(true);
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');
    expect(await buildOfPage(page)).toBe('B');
    await context.close();
  });
});
