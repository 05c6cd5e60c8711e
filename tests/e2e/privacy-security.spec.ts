import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { locales, pagesToCheck } from './site-pages';

/**
 * Privacy and security gates on the built site, in Chromium with JavaScript and the service worker on:
 *  - no page ever makes a request to another origin (the page, its scripts, Pagefind's worker, the service
 *    worker's precache: every request of the browser context);
 *  - the Content-Security-Policy (src/lib/csp.ts) blocks nothing the site does: visiting every page and using
 *    search, the copy buttons, the shopkeeper card and the offline notice raises no `securitypolicyviolation`;
 *  - hostile search input runs nothing, and would be blocked by the policy if it tried.
 */

/** Record every CSP violation (from the page's DOM event and from Chromium's console) and every script error. */
async function watch(context: BrowserContext, origin: string) {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin)
      problems.push(`request to another origin: ${url.href}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text()))
      problems.push(`console error on ${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught on ${error.page()?.url()}: ${error.error().message}`));
  const violations = async (page: Page, where: string) => {
    const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    problems.push(...found.map((v) => `${where}: CSP violation: ${v}`));
  };
  return { problems, violations };
}

test('no page makes a request to another origin, and none breaks the Content-Security-Policy', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ baseURL: baseURL! });
  const { problems, violations } = await watch(context, origin);
  const page = await context.newPage();
  const paths = pagesToCheck();
  expect(paths.length).toBeGreaterThan(20);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('meta[http-equiv="content-security-policy"]'), path).toHaveCount(1);
    await violations(page, path);
  }
  // The service worker registered under the policy and saved the site: its requests are watched too.
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
  await page.waitForLoadState('networkidle');
  await violations(page, paths.at(-1)!);
  await context.close();
  expect(problems, problems.join('\n')).toEqual([]);
});

test('search, copy buttons, the shopkeeper card and the offline notice work under the policy, without violations', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ baseURL: baseURL!, permissions: ['clipboard-read', 'clipboard-write'] });
  const { problems, violations } = await watch(context, origin);
  const page = await context.newPage();

  for (const locale of locales()) {
    // Header search: loads our search code, Pagefind's script, worker and WebAssembly.
    await page.goto(`/${locale}/store/`);
    await page.locator('.site-header input[name="q"]').fill(locale === 'zh' ? '护照' : 'passport');
    await expect(page.locator('.search-live .search-hit').first()).toBeVisible({ timeout: 15_000 });
    // Copy a code, then a link to a step.
    await page.locator('button.fact-copy').first().click();
    await expect(page.locator('.copy-status')).not.toBeEmpty();
    await page.locator('#steps button').first().click();
    await expect(page.locator('.copy-status')).not.toBeEmpty();
    await violations(page, `/${locale}/store/ search and copy`);

    // The search page with a query from the URL.
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(locale === 'zh' ? '充值' : 'top up')}`);
    await expect(page.locator('.search-page .search-hit').first()).toBeVisible({ timeout: 15_000 });
    await violations(page, `/${locale}/search/`);

    // The shopkeeper card: the form, then card 1 and card 2.
    await page.goto(`/${locale}/show-shopkeeper/`);
    await page.locator('#sk-number').fill('03001234567');
    await page.locator('#sk-kind-load').check();
    await page.locator('#sk-amount').fill('500');
    await page.locator('.sk-submit').click();
    await expect(page.locator('#card-load')).toBeVisible();
    await page.locator('#card-load [data-action="next"]').click();
    await expect(page.locator('#card-after')).toBeVisible();
    await violations(page, `/${locale}/show-shopkeeper/`);
  }

  // Offline: the saved copy is served by the service worker and the notice appears.
  await page.goto('/en/tips/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload({ waitUntil: 'networkidle' });
  await context.setOffline(true);
  await page.goto('/en/store/');
  await expect(page.locator('[data-sw-status]')).not.toBeEmpty();
  await page.goto('/en/no-such-page/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
  await violations(page, 'offline');
  await context.setOffline(false);
  await context.close();
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the web app manifest, its icons and the share image load under the policy', async ({ page, baseURL }) => {
  for (const locale of locales()) {
    await page.goto(`/${locale}/`);
    const cdp = await page.context().newCDPSession(page);
    // Chromium fetches and parses the manifest the page links to, as it would to install the site.
    const { errors, data } = (await cdp.send('Page.getAppManifest')) as {
      errors: { message: string }[];
      data?: string;
    };
    expect(errors, `/${locale}/ manifest errors`).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as { icons?: { src: string }[] };
    expect(manifest.icons?.length, `/${locale}/ manifest icons`).toBeGreaterThan(1);
    const images = [
      ...manifest.icons!.map((i) => new URL(i.src, `${baseURL}/${locale}/`).href),
      await page.locator('meta[property="og:image"]').getAttribute('content'),
    ];
    for (const src of images) {
      // Load each one as an image in the page itself: img-src 'self' must allow it (og:image is absolute to
      // SITE_URL; here it is read on the test origin).
      const local = new URL(new URL(src!).pathname, baseURL).href;
      const loaded = await page.evaluate(
        (url) =>
          new Promise<boolean>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(img.naturalWidth > 0);
            img.onerror = () => resolve(false);
            img.src = url;
          }),
        local,
      );
      expect(loaded, local).toBe(true);
    }
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  }
});

test('hostile search input is shown as text and runs nothing; the policy would block it anyway', async ({
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ baseURL: baseURL! });
  const { problems, violations } = await watch(context, origin);
  const page = await context.newPage();
  for (const query of [
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    '<script>window.__pwned=1</script>',
  ]) {
    await page.goto(`/en/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('.search-page input[name="q"]')).toHaveValue(query);
    await page.locator('.site-name').focus();
    await expect(page.locator('.search-page .search-status')).toHaveAttribute('data-query', /./);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('.search-page img, .search-page svg[onload], .search-page script')).toHaveCount(0);
    await violations(page, query);
  }
  expect(problems, problems.join('\n')).toEqual([]);
  // And the policy does block an inline handler, should one ever reach the page: the gate can fail.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__pwned=1');
    img.src = '/no-such-image.png';
    document.body.append(img);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp?.length ?? 0))
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await context.close();
});
