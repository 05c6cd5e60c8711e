import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { locales, sitemapPaths } from '../e2e/site-pages';
import { CDN_PORT, DIST, rawGet } from './runtime';

/**
 * Addresses, statuses and encodings on Cloudflare's runtime: trailing-slash redirects (dist/_redirects and
 * wrangler.jsonc's html_handling), the 404 page (not_found_handling), and compression.
 */
const ORIGIN = `http://127.0.0.1:${CDN_PORT}`;

test("a page's address without its trailing slash redirects permanently to the page, keeping the query", async ({
  request,
}) => {
  const pages = sitemapPaths().filter((p) => p !== '/');
  expect(pages.length).toBeGreaterThan(20);
  for (const page of pages) {
    const response = await request.get(page.slice(0, -1), { maxRedirects: 0 });
    expect(response.status(), page).toBe(301);
    expect(response.headers()['location'], page).toBe(page);
  }
  const search = await request.get('/zh/search?q=%E6%8A%A4%E7%85%A7', { maxRedirects: 0 });
  expect(search.status()).toBe(301);
  expect(search.headers()['location']).toBe('/zh/search/?q=%E6%8A%A4%E7%85%A7');
  // Followed, as a browser does: the page itself.
  const followed = await request.get('/zh');
  expect(followed.status()).toBe(200);
  expect(followed.url()).toBe(`${ORIGIN}/zh/`);
});

test("index.html addresses lead to the page's own address (Cloudflare's html_handling, a 307)", async ({ request }) => {
  for (const [from, to] of [
    ['/zh/store/index.html', '/zh/store/'],
    ['/index.html', '/'],
  ]) {
    const response = await request.get(from!, { maxRedirects: 0 });
    expect(response.status(), from).toBe(307);
    expect(response.headers()['location'], from).toBe(to);
  }
});

test('an unknown address answers 404 with the bilingual page, whatever the path or file type', async ({
  request,
  page,
}) => {
  const notFound = readFileSync(join(DIST, '404.html'), 'utf8');
  for (const path of [
    '/zh/no-such-page/',
    '/en/no-such-page',
    '/no/such/deep/path/',
    '/no-such-file.js',
    '/_astro/no-such-file.js',
    '/pagefind/fragment/none.pf_fragment',
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).toBe('text/html; charset=utf-8');
    expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    // Revalidated: the address may exist after the next deploy. Under a content-named path, the path's rule applies
    // (Cloudflare matches _headers by path, whatever the status): such an address never becomes valid (src/features/security/cdn.ts).
    const contentNamed = /^\/(_astro|pagefind\/fragment)\//.test(path);
    expect(response.headers()['cache-control'], path).toBe(
      contentNamed ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    );
    expect(await response.text(), path).toBe(notFound);
  }
  // In the browser: both languages' headings and a way on in each.
  const response = await page.goto('/en/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('#not-found-zh')).toHaveText('找不到这个页面');
  await expect(page.locator('#not-found-en')).toHaveText('Page not found');
  for (const locale of locales()) await expect(page.locator(`a[href="/${locale}/"]`).first()).toBeVisible();
});

/**
 * Compression. Cloudflare's edge compresses text types (HTML, JS, JSON, SVG, manifests, WebAssembly) with brotli or
 * gzip as the browser accepts, preferring brotli. The local runtime (workerd under wrangler dev) does the same for
 * the same types, but picks the first encoding the request lists among equal weights: Chromium sends
 * `gzip, deflate, br, zstd` and gets gzip here, brotli from the edge. So brotli is tested by asking for it.
 */
test('text is sent brotli-compressed to a client that asks for brotli, and the bytes decode to the built file', async () => {
  const script = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.js'))!;
  const files: [string, string][] = [
    ['/zh/store/', 'zh/store/index.html'],
    ['/en/', 'en/index.html'],
    [`/_astro/${script}`, `_astro/${script}`],
    ['/sw.js', 'sw.js'],
    ['/pagefind/pagefind.js', 'pagefind/pagefind.js'],
    ['/pagefind/pagefind-entry.json', 'pagefind/pagefind-entry.json'],
    ['/zh/manifest.webmanifest', 'zh/manifest.webmanifest'],
    ['/favicon.svg', 'favicon.svg'],
  ];
  for (const [path, file] of files) {
    const built = readFileSync(join(DIST, file));
    const response = await rawGet(`${ORIGIN}${path}`, { 'Accept-Encoding': 'br' });
    expect(response.status, path).toBe(200);
    expect(response.headers['content-encoding'], path).toBe('br');
    expect(response.body.length, path).toBeLessThan(built.length);
    expect(brotliDecompressSync(response.body).equals(built), `${path} decodes to dist/${file}`).toBe(true);
  }
  // A page is small on the wire: a guide page in brotli.
  const guide = await rawGet(`${ORIGIN}/zh/store/`, { 'Accept-Encoding': 'br' });
  expect(guide.body.length).toBeLessThan(14 * 1024);
});

test('gzip for a client without brotli, nothing for one that accepts no encoding, images and search files as they are', async () => {
  const gzip = await rawGet(`${ORIGIN}/zh/`, { 'Accept-Encoding': 'gzip' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).equals(readFileSync(join(DIST, 'zh/index.html')))).toBe(true);
  const plain = await rawGet(`${ORIGIN}/zh/`);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(readFileSync(join(DIST, 'zh/index.html')))).toBe(true);
  // Images go as they are.
  const png = await rawGet(`${ORIGIN}/icons/icon-192.png`, { 'Accept-Encoding': 'br, gzip' });
  expect(png.headers['content-encoding']).toBeUndefined();
  expect(png.body.equals(readFileSync(join(DIST, 'icons/icon-192.png')))).toBe(true);
  // Pagefind's index files are gzip inside and have no type; the local runtime compresses untyped files again (4
  // bytes more), and the browser's decoding gives Pagefind its bytes unchanged.
  const fragment = readdirSync(join(DIST, 'pagefind/fragment'))[0]!;
  const index = await rawGet(`${ORIGIN}/pagefind/fragment/${fragment}`, { 'Accept-Encoding': 'br' });
  expect(index.headers['content-type']).toBeUndefined();
  const sent = index.headers['content-encoding'] === 'br' ? brotliDecompressSync(index.body) : index.body;
  expect(sent.equals(readFileSync(join(DIST, 'pagefind/fragment', fragment)))).toBe(true);
});

test('Chromium gets every page and script compressed', async ({ page }) => {
  const encodings = new Map<string, string>();
  page.on('response', async (r) => {
    // What the service worker answers from its offline copy never crossed the network.
    if (r.fromServiceWorker()) return;
    if (/\/(_astro\/.*\.js)?$/.test(new URL(r.url()).pathname))
      encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding'] ?? 'none');
  });
  await page.goto('/zh/store/');
  await page.goto('/en/tips/');
  await page.waitForLoadState('networkidle');
  expect(encodings.size).toBeGreaterThan(2);
  // The local runtime answers Chromium's `gzip, deflate, br, zstd` with gzip (see above); the edge, with brotli.
  for (const [path, encoding] of encodings) expect(['br', 'gzip', 'zstd'], path).toContain(encoding);
});
