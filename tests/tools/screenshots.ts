/**
 * Phone-width screenshots of pages in light and dark, for a human to look at:
 *   npm run screenshots -- /zh/store/ /en/store/      (default: every page of the sitemap)
 * Writes PNGs to screenshots/ (ignored by git). Needs a built site (npm run build).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview } from './preview-server.ts';

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
const server = await startPreview(Number(process.env['PORT'] ?? 4321) + 100);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      colorScheme,
      javaScriptEnabled: !args.includes('--no-js'),
    });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(server.origin + path);
      const name = path.replace(/^\/|\/$/g, '').replace(/[/#?=]+/g, '_') || 'root';
      const file = resolve(OUT, `${name}.${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
