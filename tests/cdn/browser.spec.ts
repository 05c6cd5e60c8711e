import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { savedPaths } from '../e2e/helpers';
import { DIST } from './runtime';

/**
 * The site in Chromium on Cloudflare's runtime, under the header policy and Permissions-Policy as well as each
 * page's `<meta>` policy: pages, search and copy buttons raise no violation and no error; no other site can frame a
 * page; the service worker installs with the CDN's real statuses and cache headers.
 */

/** Every CSP violation (DOM event) and every console error or warning about a policy, and uncaught errors. */
async function watch(context: BrowserContext) {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    // Chromium reports a header it cannot parse (an unknown Permissions-Policy feature, say) as an error or warning.
    if (message.type() === 'error' || /Permissions-Policy|Content Security Policy|Content-Security-Policy/i.test(text))
      problems.push(`console ${message.type()} on ${message.page()?.url()}: ${text}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught on ${error.page()?.url()}: ${error.error().message}`));
  const violations = async (page: Page, where: string) => {
    const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    problems.push(...found.map((v) => `${where}: CSP violation: ${v}`));
  };
  return { problems, violations };
}

test('pages, search and the copy buttons work under the header policy and Permissions-Policy, without a violation', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: baseURL!, permissions: ['clipboard-read', 'clipboard-write'] });
  const { problems, violations } = await watch(context);
  const page = await context.newPage();
  for (const [locale, query, page2] of [
    ['zh', '护照', '充值'],
    ['en', 'passport', 'top up'],
  ] as const) {
    const response = await page.goto(`/${locale}/store/`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // The header search: our script, Pagefind's script, its worker (whose own policy is the header's) and WebAssembly.
    await page.locator('.site-header input[name="q"]').fill(query);
    await expect(page.locator('.search-live .search-hit').first()).toBeVisible({ timeout: 15_000 });
    // Copying a code: clipboard-write=(self) lets it through (clipboard-read=() would stop a page reading it back).
    const copy = page.locator('button.fact-copy').first();
    await copy.click();
    await expect(page.locator('.copy-status')).toHaveText((await copy.getAttribute('data-announce'))!);
    await expect(copy.locator('.fact-copy-label')).toHaveText((await copy.getAttribute('data-copied'))!);
    await violations(page, `/${locale}/store/`);

    await page.goto(`/${locale}/search/?q=${encodeURIComponent(page2)}`);
    await expect(page.locator('.search-page .search-hit').first()).toBeVisible({ timeout: 15_000 });
    await violations(page, `/${locale}/search/`);
  }
  await page.waitForLoadState('networkidle');
  await context.close();
  expect(problems, problems.join('\n')).toEqual([]);
});

test("no other page can frame the site: the header's frame-ancestors (and X-Frame-Options) block it", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  const framed = async () => {
    await page.setContent(`<iframe src="${baseURL}/zh/store/" title="framed"></iframe>`);
    await page.waitForTimeout(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await frame?.waitForLoadState().catch(() => undefined);
    return (
      (await frame
        ?.locator('#step-pay')
        .count()
        .catch(() => 0)) ?? 0
    );
  };
  expect(await framed()).toBe(0);
  expect(messages.join('\n')).toMatch(/frame-ancestors 'none'/);

  // The same page without the two headers does load in the frame: the headers are what block it.
  await page.route(`${baseURL}/zh/store/`, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await route.fulfill({ response, headers });
  });
  expect(await framed()).toBe(1);
  await context.close();
});

test('the shopkeeper card goes full screen and may keep the screen on under the Permissions-Policy; other features are off', async ({
  page,
}) => {
  await page.goto('/en/show-shopkeeper/');
  const allowed = await page.evaluate(() => {
    const policy = (document as unknown as { featurePolicy: { allowsFeature: (f: string) => boolean } }).featurePolicy;
    return Object.fromEntries(
      [
        'fullscreen',
        'screen-wake-lock',
        'clipboard-write',
        'camera',
        'geolocation',
        'microphone',
        'payment',
        'clipboard-read',
      ].map((f) => [f, policy.allowsFeature(f)]),
    );
  });
  expect(allowed).toEqual({
    fullscreen: true,
    'screen-wake-lock': true,
    'clipboard-write': true,
    camera: false,
    geolocation: false,
    microphone: false,
    payment: false,
    'clipboard-read': false,
  });
  await page.locator('#sk-number').fill('03001234567');
  await page.locator('#sk-kind-load').check();
  await page.locator('#sk-amount').fill('500');
  await page.locator('.sk-submit').click();
  await page.locator('#card-load').getByRole('button', { name: 'Full screen' }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id)).toBe('shopkeeper');
});

/** The worker's precache manifest: every URL it saves (relative to the origin). */
function precacheManifest(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
}

test('the service worker installs from the CDN: its first-visit downloads through the real statuses and cache headers', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: baseURL! });
  const { problems } = await watch(context);
  const failed: string[] = [];
  const statuses = new Map<string, number[]>();
  context.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    statuses.set(path, [...(statuses.get(path) ?? []), r.status()]);
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const page = await context.newPage();
  expect((await context.request.get('/sw.js')).headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  await page.goto('/zh/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
  // sw.js lists the core and each language's index; the reader's language is saved from its packs, in its own cache.
  const manifest = precacheManifest();
  expect(manifest.length).toBeGreaterThan(10);
  await expect(page.locator('[data-sw-saved]')).toHaveText(/^已保存，可离线阅读/, { timeout: 30_000 });
  const saved = await savedPaths(page);
  const names = Object.keys(saved);
  const core = names.filter((n) => !/-(zh|en)-/.test(n)).flatMap((n) => saved[n]!);
  const zh = names.filter((n) => n.includes('-zh-')).flatMap((n) => saved[n]!);
  expect(core.sort()).toEqual(
    expect.arrayContaining(manifest.filter((u) => !u.startsWith('_offline/')).map((u) => `/${u}`)),
  );
  const zhPages = readdirSync(join(DIST, 'zh'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'offline')
    .map((e) => `/zh/${e.name}/index.html`);
  expect(zh).toEqual(expect.arrayContaining(['/zh/index.html', ...zhPages]));
  expect(names.filter((n) => n.includes('-en-')).flatMap((n) => saved[n]!)).toEqual([]);
  // The whole copy came in the language's first-visit bundle and its binary search file, each once, a 200 cached
  // for a year by the CDN (the name changes with the content).
  const downloads = [...statuses].filter(([path]) => path.startsWith('/_offline/'));
  expect(downloads.map(([path]) => path.replace(/\.\w+\.(json|wasm)$/, '.$1'))).toEqual([
    '/_offline/zh-first.json',
    '/_offline/zh-auto-search.wasm',
  ]);
  for (const [path, codes] of downloads) {
    expect(codes, path).toEqual([200]);
    expect((await context.request.get(path)).headers()['cache-control'], path).toBe(
      'public, max-age=31536000, immutable',
    );
  }
  expect(failed).toEqual([]);

  // Offline, saved pages and the search work.
  await context.setOffline(true);
  await page.goto('/zh/store/');
  await expect(page.locator('#step-pay')).toBeVisible();
  await page.goto('/zh/search/?q=%E6%8A%A4%E7%85%A7');
  await expect(page.locator('.search-page .search-hit').first()).toBeVisible({ timeout: 15_000 });
  await context.setOffline(false);
  await context.close();
  expect(
    problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)),
    problems.join('\n'),
  ).toEqual([]);
});

test('a saved page that went missing comes back through the CDN redirect of its short URL, kept as a page that opens offline', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/zh/');
  await expect(page.locator('[data-sw-saved]')).toHaveText(/^已保存，可离线阅读/, { timeout: 30_000 });
  const store = '/zh/store/index.html';
  const dropped = await page.evaluate(async (path) => {
    let n = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys())
        if (new URL(request.url).pathname === path && (await cache.delete(request))) n++;
    }
    return n;
  }, store);
  expect(dropped).toBe(1);

  // `/zh/store` is the saved page `/zh/store/`: missing, the worker fetches it, the CDN answers with a redirect, and
  // the page it follows to is checked against the page's hash and kept without the redirect (a redirected response
  // cannot answer a navigation).
  expect(await page.evaluate(() => fetch('/zh/store').then((r) => [r.ok, r.redirected]))).toEqual([true, true]);
  await expect.poll(async () => Object.values(await savedPaths(page)).flat()).toContain(store);
  await context.setOffline(true);
  for (const path of ['/zh/store/', '/zh/store']) {
    expect((await page.goto(path))?.ok(), path).toBe(true);
    await expect(page.locator('#step-pay'), path).toBeVisible();
  }
  await context.close();
});
