import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildB } from '../unit/helpers/fixture-build';
import { CDN_PORT, DIST, startWrangler, type Server } from './runtime';

/**
 * A new deploy on Cloudflare's runtime, with its real cache headers. Build A is the site under test (dist/); build B
 * is the site built again with a marker in every page and a changed script (so its content-named files differ).
 * Each is served in turn by `wrangler dev` on one origin (PORT+51), as a deploy replaces the site.
 */
const MARKER = '[build B]';
const PORT = CDN_PORT + 1;

test.describe.configure({ mode: 'serial' });
let copy: string;
let server: Server | undefined;

async function deploy(dist: string): Promise<string> {
  await server?.stop();
  server = await startWrangler(dist, PORT);
  return server.origin;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const result = buildB(MARKER);
  copy = result.dir;
  expect(result.ok, result.output).toBe(true);
});

test.afterAll(async () => {
  await server?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const scriptsOf = (dist: string) => new Set(readdirSync(join(dist, '_astro')).map((f) => `/_astro/${f}`));

async function buildOf(page: Page): Promise<string> {
  const { marked, flag } = await page.evaluate(() => ({
    marked: document.body.textContent?.includes('[build B]') ?? false,
    flag: document.documentElement.dataset['build'] ?? null,
  }));
  return marked && flag === 'B' ? 'B' : !marked && !flag ? 'A' : `mixed (marker ${marked}, script ${flag})`;
}

test('without a service worker, the next page view is the new build at once; unchanged content-named files come from the browser cache', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const origin = await deploy(DIST);
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // How each URL was answered: from the network (status), revalidated (304), or from the cache without a request.
  const answers = new Map<string, string[]>();
  const note = (url: string, how: string) =>
    answers.set(new URL(url).pathname, [...(answers.get(new URL(url).pathname) ?? []), how]);
  const ids = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => ids.set(e.requestId, e.request.url));
  cdp.on('Network.requestServedFromCache', (e) => note(ids.get(e.requestId)!, 'cache'));
  cdp.on(
    'Network.responseReceivedExtraInfo',
    (e) => ids.has(e.requestId) && note(ids.get(e.requestId)!, String(e.statusCode)),
  );

  await page.goto('/zh/store/');
  // The first page's own favicon request must be over before counting (on a loaded machine it can end late).
  await page.waitForLoadState('networkidle');
  expect(await buildOf(page)).toBe('A');
  const siteScript = (await page.locator('script[src*="SiteScript"]').getAttribute('src'))!;
  answers.clear();
  await page.goto('/en/store/');
  await page.waitForLoadState('networkidle');
  // A new page is fetched; the shared script (content-named, immutable) comes from the cache without a request;
  // the favicon (a fixed name) is revalidated: 304.
  expect(answers.get('/en/store/')).toEqual(['200']);
  expect(answers.get(siteScript)).toEqual(['cache']);
  expect(answers.get('/favicon.svg')).toEqual(['304']);
  answers.clear();
  await page.goto('/zh/store/');
  // A page seen before is revalidated: 304, nothing downloaded again.
  expect(answers.get('/zh/store/')).toEqual(['304']);

  await deploy(join(copy, 'dist'));
  await page.reload();
  expect(await buildOf(page)).toBe('B');
  const newScripts = [...scriptsOf(join(copy, 'dist'))].filter((s) => !scriptsOf(DIST).has(s));
  expect(newScripts.length).toBeGreaterThan(0);
  await context.close();
});

test('with the service worker, the new deploy is found on the next navigation and taken on Reload; every page is then the new build, offline too', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const origin = await deploy(DIST);
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const failed: string[] = [];
  context.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto('/zh/store/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
  expect(await buildOf(page)).toBe('A');

  await deploy(join(copy, 'dist'));
  // The browser checks sw.js on navigation; revalidated (max-age=0), it is the new worker, which installs beside.
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: '本指南有新版本' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  expect(await buildOf(page)).toBe('A');
  await notice.getByRole('button', { name: '刷新' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'B');
  expect(await buildOf(page)).toBe('B');
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  for (const path of ['/en/', '/en/store/', '/zh/tips/']) {
    await page.goto(path);
    expect(await buildOf(page), path).toBe('B');
  }
  await context.setOffline(false);
  expect(failed).toEqual([]);
  await context.close();
});
