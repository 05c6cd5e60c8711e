/**
 * Phone-width screenshots of pages in light and dark, for a human to look at:
 *   npm run screenshots -- /zh/store/ /en/store/      (default: every page of the sitemap)
 * Writes PNGs to screenshots/ (ignored by git). Needs a built site (npm run build).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PHONE, withSite } from './preview-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'screenshots');
const args = process.argv.slice(2);
const fullPage = !args.includes('--viewport');
let paths = args.filter((a) => a.startsWith('/'));
if (paths.length === 0) {
  const sitemap = readFileSync(resolve(ROOT, 'dist/sitemap-0.xml'), 'utf8');
  paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  paths.push('/404.html');
}

mkdirSync(OUT, { recursive: true });
await withSite(async (browser, origin) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ ...PHONE, colorScheme, javaScriptEnabled: !args.includes('--no-js') });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(origin + path);
      const name = path.replace(/^\/|\/$/g, '').replace(/[/#?=]+/g, '_') || 'root';
      const file = resolve(OUT, `${name}.${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage });
      console.log(file);
    }
    await context.close();
  }
});
