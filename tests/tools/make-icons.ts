/**
 * Draw the app icons (public/icons/*.png) from the favicon's design with Chromium. Run once when the design
 * changes, then commit the PNGs:  npx node tests/tools/make-icons.ts
 *   icon-192.png, icon-512.png   rounded square, transparent corners ("any")
 *   maskable-512.png             full-bleed square, the bars inside the central safe circle ("maskable")
 *   apple-touch-icon.png (180)   full-bleed (iOS draws its own rounded corners and fills transparency black)
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const OUT = resolve(import.meta.dirname, '../../public/icons');
const GREEN = '#0b6e4f';

/** Signal bars rising to a full bar: the favicon, drawn on a 32-unit grid. `inset` shrinks it for maskable. */
function svg(size: number, fullBleed: boolean, scale: number): string {
  const bars = `<g transform="translate(16 16) scale(${scale}) translate(-17.1 -15)" fill="#fff">
      <rect x="8" y="19" width="3.2" height="4" rx="0.6"/>
      <rect x="13" y="15" width="3.2" height="8" rx="0.6"/>
      <rect x="18" y="11" width="3.2" height="12" rx="0.6"/>
      <rect x="23" y="7" width="3.2" height="16" rx="0.6"/>
    </g>`;
  const bg = fullBleed
    ? `<rect width="32" height="32" fill="${GREEN}"/>`
    : `<rect width="32" height="32" rx="7" fill="${GREEN}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${bg}${bars}</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, fullBleed: false, scale: 1.1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, scale: 1.1 },
  // The safe zone of a maskable icon is a circle of 40% radius: keep the bars well inside it.
  { file: 'maskable-512.png', size: 512, fullBleed: true, scale: 0.85 },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, scale: 1 },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg(icon.size, icon.fullBleed, icon.scale)}`,
    );
    await page.locator('svg').screenshot({ path: resolve(OUT, icon.file), omitBackground: true });
    console.log(resolve(OUT, icon.file));
  }
} finally {
  await browser.close();
}
