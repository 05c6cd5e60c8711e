/**
 * Draws the share image chat apps show for a link (og:image): the site name in both scripts on the site's green,
 * 1200×630 PNG. Run once after changing the site name or colours, look at the result, and commit it:
 *   npm run share-image            → public/share.png
 * Most chat apps ignore SVG previews, so it must be a bitmap; the names come from src/i18n/*.json.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { SHARE_IMAGE } from '../../src/lib/share.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'public', SHARE_IMAGE.path.replace(/^\//, ''));
const name = (locale: string) =>
  (JSON.parse(readFileSync(resolve(ROOT, `src/i18n/${locale}.json`), 'utf8')) as Record<string, string>)['site.name'];
const escape = (text = '') => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Centred, so that apps which crop the card to a square (centre 630×630) still show both names whole. The
// favicon's signal bars on flat colours keep the PNG small.
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; }
  body { width: ${SHARE_IMAGE.width}px; height: ${SHARE_IMAGE.height}px; background: #0b6e4f; color: #fff;
    display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 26px;
    font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; text-align: center; white-space: nowrap; }
  svg { flex: none; margin-bottom: 10px; }
  .zh { font-size: 56px; font-weight: 700; line-height: 1.2; letter-spacing: 0.04em; }
  .en { font-size: 40px; font-weight: 500; line-height: 1.2; color: #d8efe6; }
  .rule { width: 96px; height: 7px; background: #ffbf47; border-radius: 4px; }
</style></head><body>
  <svg width="150" height="150" viewBox="0 0 32 32" aria-hidden="true">
    <rect width="32" height="32" rx="7" fill="#fff"/>
    <path d="M7 24h4v-5H7zm7 0h4v-9h-4zm7 0h4V8h-4z" fill="#0b6e4f"/>
  </svg>
  <div class="zh" lang="zh-CN">${escape(name('zh'))}</div>
  <div class="rule"></div>
  <div class="en" lang="en">${escape(name('en'))}</div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({
    viewport: { width: SHARE_IMAGE.width, height: SHARE_IMAGE.height },
    deviceScaleFactor: 1,
  });
  await page.setContent(html);
  await page.screenshot({ path: OUT, type: 'png' });
} finally {
  await browser.close();
}
console.log(`${OUT}: ${statSync(OUT).size} bytes`);
