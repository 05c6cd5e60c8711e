import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildWith } from '../unit/helpers/fixture-build';
import { startStaticServer, type StaticServer } from '../tools/static-server';

/**
 * The offline service worker, on the built site (production build, so the worker is registered). Chromium allows
 * service workers on http://127.0.0.1. `context.setOffline(true)` cuts the page and the worker off the network.
 */
const DIST = resolve(import.meta.dirname, '../../dist');
const PORT = Number(process.env['PORT'] ?? 4321);

/** Every page of the sitemap, as paths (`/`, `/en/store/`, …). */
function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/** Wait until the service worker has installed (every file saved) and controls the page. */
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

/** Delete saved files from the worker's precache, as eviction or a half-cleared cache would. */
async function dropFromPrecache(page: Page, paths: string[]): Promise<number> {
  return page.evaluate(async (paths) => {
    const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'));
    if (!name) return 0;
    const cache = await caches.open(name);
    let dropped = 0;
    for (const request of await cache.keys()) {
      if (paths.includes(new URL(request.url).pathname) && (await cache.delete(request))) dropped++;
    }
    return dropped;
  }, paths);
}

async function precacheHas(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (path) => {
    const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'));
    if (!name) return false;
    const keys = await (await caches.open(name)).keys();
    return keys.some((request) => new URL(request.url).pathname === path);
  }, path);
}

const OFFLINE_TITLE = { zh: '现在没有网络', en: 'You are offline' };

test.describe('offline after one visit', () => {
  test('after visiting /zh/ once, every page of both languages opens offline, with the offline indicator', async ({
    page,
    context,
  }) => {
    await page.goto('/zh/');
    await waitForWorker(page);
    await context.setOffline(true);

    const paths = sitemapPaths().filter((p) => p !== '/zh/');
    expect(paths).toEqual(expect.arrayContaining(['/', '/en/', '/en/store/', '/zh/store/']));
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.ok(), path).toBe(true);
      if (path === '/') {
        // The chooser sends a zh-CN browser on to /zh/, which is saved too.
        await expect(page).toHaveURL(/\/zh\/$/);
      }
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1, path).toBeVisible();
      await expect(h1, path).not.toHaveText(new RegExp(`${OFFLINE_TITLE.zh}|${OFFLINE_TITLE.en}`));

      // The indicator says this is a saved copy, with the guide's last-checked date where the page has one.
      const status = page.getByRole('status').filter({ hasText: /offline|没有网络/ });
      await expect(status, path).toBeVisible();
      const checked = page.locator('.page-sources time[datetime]');
      if (await checked.count()) await expect(status.locator('time'), path).toHaveText((await checked.textContent())!);
    }

    await page.goto('/en/store/');
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText(
      'last checked 26 November 2026',
    );
    await context.setOffline(false);
    await expect(page.locator('[data-sw-status]')).toBeEmpty();
    await expect(page.locator('[data-sw-status]')).toHaveJSProperty('offsetHeight', 0);
  });

  test('a page that is not saved shows the offline page in the language of its URL, linking to the saved guides', async ({
    page,
    context,
  }) => {
    await page.goto('/en/');
    await waitForWorker(page);
    await context.setOffline(true);

    for (const [path, locale, lang] of [
      ['/en/not-saved-yet/', 'en', 'en'],
      ['/zh/not-saved-yet/', 'zh', 'zh-CN'],
      ['/elsewhere/', 'zh', 'zh-CN'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(OFFLINE_TITLE[locale]);
      await expect(page.locator('main .cards a').first(), path).toHaveAttribute('href', `/${locale}/store/`);
      // No "you are offline" strip on top of a page that already says so.
      await expect(page.locator('[data-sw-status]')).toHaveCount(0);
    }

    await page.goto('/en/not-saved-yet/');
    await page.locator('main .cards a').first().click();
    await expect(page).toHaveURL(/\/en\/store\/$/);
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');
  });

  test("query strings are ignored offline: Pagefind's pagefind-entry.json?ts=… and shared links with ?q= still come from the saved files", async ({
    page,
    context,
  }) => {
    await page.goto('/zh/');
    await waitForWorker(page);
    await context.setOffline(true);
    const manifest = await page.evaluate(async () => {
      const response = await fetch(`/en/manifest.webmanifest?ts=${Date.now()}`);
      return { ok: response.ok, body: (await response.json()) as { start_url: string } };
    });
    expect(manifest).toEqual({ ok: true, body: expect.objectContaining({ start_url: '/en/' }) });
    await page.goto('/zh/store/?q=%E8%90%A5%E4%B8%9A%E5%8E%85&utm_source=x');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(OFFLINE_TITLE.zh);
    await expect(page.locator('#step-pay')).toBeVisible();
  });

  test('offline, a Chinese and an English search return results', async ({ page, context }) => {
    test.skip(
      !existsSync(join(DIST, 'pagefind/pagefind-entry.json')),
      'needs the Pagefind index (issue 5, search-index integration)',
    );
    const search = (query: string) =>
      page.evaluate(async (query) => {
        const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        const { results } = await pagefind.search(query);
        const pages = await Promise.all(
          results.slice(0, 5).map((r: { data: () => Promise<{ url: string }> }) => r.data()),
        );
        return pages.map((p) => new URL(p.url, location.origin).pathname);
      }, query);

    await page.goto('/zh/');
    await waitForWorker(page);
    await context.setOffline(true);
    await page.goto('/zh/store/');
    expect(await search('营业厅')).toContain('/zh/store/');
    await page.goto('/en/store/');
    expect(await search('franchise')).toContain('/en/store/');
  });

  test('without service workers the site works as a plain website', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ serviceWorkers: 'block', baseURL: baseURL! });
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
    expect(await dropFromPrecache(page, ['/en/store/index.html', script!])).toBe(2);

    // The next page load puts them back: the script on request, the page through the repair it asks for.
    await page.reload();
    await expect.poll(() => precacheHas(page, script!)).toBe(true);
    await expect.poll(() => precacheHas(page, '/en/store/index.html')).toBe(true);

    await context.setOffline(true);
    await page.goto('/en/store/');
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');
  });
});

/**
 * Deploys: build A is the site under test (dist/); build B is the same site with a visible marker in every page
 * and a changed script (so its hashed file names differ), served in turn on one origin by a tiny static host.
 */
test.describe('a reader saving data (Save-Data)', () => {
  test('is asked before the half-megabyte offline copy is downloaded, and has it offline once they agree', async ({
    page,
    context,
  }) => {
    // Chromium's data saver shows as navigator.connection.saveData.
    await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    await page.goto('/en/store/');
    const offer = page.locator('[data-sw-offer]');
    await expect(offer).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Nothing of the offline copy yet: no worker, no saved files.
    expect(
      await page.evaluate(async () => ({
        worker: Boolean(await navigator.serviceWorker.getRegistration()),
        caches: (await caches.keys()).length,
      })),
    ).toEqual({ worker: false, caches: 0 });

    await offer.getByRole('button', { name: 'Save for offline reading' }).click();
    await expect(offer.locator('.sw-offer-status')).toHaveText(
      'Saved. Every page and the search now work without a connection.',
    );
    await waitForWorker(page);
    await context.setOffline(true);
    expect((await page.goto('/zh/tips/'))?.ok()).toBe(true);
    // The worker controls the site now: no offer on the next pages.
    await expect(page.locator('[data-sw-offer]')).toBeHidden();
  });

  test('readers not saving data never see the offer, and get the offline copy by themselves', async ({ page }) => {
    await page.goto('/zh/store/');
    await waitForWorker(page);
    await expect(page.locator('[data-sw-offer]')).toBeHidden();
  });
});

test.describe('a new deploy', () => {
  test.describe.configure({ mode: 'serial' });
  let server: StaticServer;
  let copy: string;
  let filesOf: { A: Set<string>; B: Set<string> };
  const MARKER = '[build B]';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const result = buildWith(
      (file) => {
        for (const locale of ['en', 'zh']) {
          const strings = file(`src/i18n/${locale}.json`);
          const json = JSON.parse(strings.read()) as Record<string, string>;
          json['footer.independent'] = `${json['footer.independent']} ${MARKER}`;
          strings.write(JSON.stringify(json, null, 2));
        }
        const script = file('src/scripts/locale-links.ts');
        script.write(`${script.read()}\ndocument.documentElement.dataset['build'] = 'B';\n`);
      },
      { keep: true },
    );
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

  test('the open page keeps its build until the reader reloads, then all is the new build, with no reload loop', async ({
    browser,
  }) => {
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    const failed: string[] = [];
    page.on('response', (r) => !r.ok() && failed.push(`${r.status()} ${r.url()}`));

    await page.goto('/zh/store/');
    await waitForWorker(page);
    expect(await buildOfPage(page)).toBe('A');

    server.deploy(join(copy, 'dist'));
    await page.reload(); // the browser checks for a new worker on navigation
    const notice = page.getByRole('status').filter({ hasText: '本指南有新版本' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    expect(await buildOfPage(page)).toBe('A');

    const before = loads;
    await notice.getByRole('button', { name: '刷新' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-build', 'B');
    await page.waitForLoadState('networkidle');
    expect(await buildOfPage(page)).toBe('B');
    expect(loads - before).toBe(1);
    await expect(page.locator('[data-sw-update]')).toBeEmpty();

    // Still B, still no notice, on the next visit and offline.
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-sw-update]')).toBeEmpty();
    await context.setOffline(true);
    for (const path of ['/en/', '/en/store/', '/zh/']) {
      await page.goto(path);
      expect(await buildOfPage(page), path).toBe('B');
    }
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
    await expect(page.getByRole('status').filter({ hasText: 'A newer version' })).toBeVisible({ timeout: 20_000 });
    expect(await buildOfPage(page)).toBe('A');
    await page.locator('.cards a').first().click();
    // The click first hands over to the waiting worker, then navigates: on a busy machine that takes a while.
    await expect(page).toHaveURL(/\/en\/store\/$/, { timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('data-build', 'B');
    expect(await buildOfPage(page)).toBe('B');
    await context.close();
  });

  test('an old worker whose cache lost files hands over to the new build instead of breaking pages', async ({
    browser,
  }) => {
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/zh/');
    await waitForWorker(page);
    const script = await page.locator('script[src*="SiteScript"]').getAttribute('src');
    expect(await dropFromPrecache(page, ['/en/store/index.html', script!])).toBe(2);

    // B is deployed: A's script is gone from the server, so A's worker cannot repair its cache.
    server.deploy(join(copy, 'dist'));
    await page.goto('/zh/store/');
    await expect
      .poll(
        async () => {
          const html = await page.evaluate(() => fetch('/zh/store/').then((r) => r.text()));
          return html.includes('[build B]');
        },
        { timeout: 20_000 },
      )
      .toBe(true);

    await page.goto('/zh/store/');
    expect(await buildOfPage(page)).toBe('B');
    await context.setOffline(true);
    await page.goto('/en/store/');
    expect(await buildOfPage(page)).toBe('B');
    await expect(page.locator('#step-pay')).toBeVisible();
    await context.close();
  });

  test("a saved page missing from an old worker's cache opens from the new deploy, not as an error", async ({
    browser,
  }) => {
    server.deploy(DIST);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto('/zh/');
    await waitForWorker(page);
    expect(await dropFromPrecache(page, ['/en/store/index.html'])).toBe(1);

    server.deploy(join(copy, 'dist'));
    const response = await page.goto('/en/store/');
    expect(response?.ok()).toBe(true);
    await expect(page.locator('#step-pay')).toContainText('Pay in cash');
    expect(await buildOfPage(page)).toBe('B');
    await context.close();
  });
});
