import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryVariant, offlineLocale, offlinePagePath } from '../../src/lib/offline';
import { ICONS, APPLE_TOUCH_ICON, manifestPath, THEME, webManifest } from '../../src/lib/web-manifest';
import { guideSlugs, readBuilt, ROOT } from './helpers/site';

describe('the offline page for a page that is not saved', () => {
  it('speaks the language of the URL', () => {
    expect(offlinePagePath('/en/some-new-page/', ['zh-CN'])).toBe('/en/offline/');
    expect(offlinePagePath('/zh/atm-bank/', ['en-GB'])).toBe('/zh/offline/');
  });

  it('outside the language folders, follows the browser languages, else Chinese', () => {
    expect(offlineLocale('/', ['en-US', 'zh-CN'])).toBe('en');
    expect(offlineLocale('/old-link.html', ['ur-PK', 'zh-TW'])).toBe('zh');
    expect(offlineLocale('/elsewhere/', [])).toBe('zh');
  });

  it('a path typed without its final slash also finds the saved page', () => {
    expect(directoryVariant({ url: new URL('https://x.test/zh/store?q=1') }).map((u) => u.href)).toEqual([
      'https://x.test/zh/store/index.html',
    ]);
    expect(directoryVariant({ url: new URL('https://x.test/zh/store/') })).toEqual([]);
    expect(directoryVariant({ url: new URL('https://x.test/sw.js') })).toEqual([]);
  });

  it.each(['zh', 'en'])(
    '/%s/offline/ links to every guide of its language and stays out of search engines',
    (locale) => {
      const html = readBuilt(`/${locale}/offline/`);
      for (const slug of guideSlugs(locale)) expect(html).toContain(`href="/${locale}/${slug}/"`);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(readBuilt('sitemap-0.xml')).not.toContain('/offline/');
    },
  );
});

describe('the web app manifests', () => {
  it.each([
    ['zh', '巴基斯坦流量充值指南', '流量充值', 'zh-CN'],
    ['en', 'Pakistan data top-up guide', 'Top-up guide', 'en'],
  ] as const)(
    '/%s/manifest.webmanifest names the app in its language and opens that language',
    (locale, name, shortName, lang) => {
      const manifest = JSON.parse(readBuilt(`/${locale}/manifest.webmanifest`)) as ReturnType<typeof webManifest>;
      expect(manifest).toMatchObject({
        name,
        short_name: shortName,
        lang,
        start_url: `/${locale}/`,
        id: `/${locale}/`,
        scope: '/',
        display: 'standalone',
      });
      expect(manifest.short_name.length).toBeLessThanOrEqual(12);
      // Every page of the language links its manifest and an opaque icon for iOS.
      const head = readBuilt(`/${locale}/store/`);
      expect(head).toContain(`<link rel="manifest" href="${manifestPath(locale)}">`);
      expect(head).toContain(`<link rel="apple-touch-icon" href="${APPLE_TOUCH_ICON}">`);
    },
  );

  it('has 192 and 512 pixel PNG icons, one of them maskable, of the sizes it declares', () => {
    const sizes = new Set(ICONS.map((i) => i.sizes));
    expect(sizes).toEqual(new Set(['192x192', '512x512']));
    expect(ICONS.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of [...ICONS, { src: APPLE_TOUCH_ICON, sizes: '180x180' }]) {
      const png = readFileSync(join(ROOT, 'public', icon.src));
      expect(png.subarray(1, 4).toString(), icon.src).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  });

  it('uses the theme colours of the pages, light and dark', () => {
    const head = readBuilt('/en/');
    expect(head).toContain(
      `<meta name="theme-color" content="${THEME.light.theme}" media="(prefers-color-scheme: light)">`,
    );
    expect(head).toContain(
      `<meta name="theme-color" content="${THEME.dark.theme}" media="(prefers-color-scheme: dark)">`,
    );
    const manifest = JSON.parse(readBuilt('/en/manifest.webmanifest')) as ReturnType<typeof webManifest>;
    expect(manifest.theme_color).toBe(THEME.light.theme);
    expect(manifest.color_scheme_dark.theme_color).toBe(THEME.dark.theme);
  });
});
