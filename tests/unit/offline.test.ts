import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheKeyOf,
  cacheNamesFor,
  cutWordBreaks,
  daysSince,
  formatLocalDate,
  formatSize,
  groupCacheName,
  isStale,
  offlineLocale,
  offlinePagePath,
  packText,
  planTiers,
  putWordBreaks,
  savedUrlVariants,
  stateCacheName,
  unpackText,
  WORD_BREAK,
} from '../../src/features/offline/offline';
import { styleRanges } from '../../src/core/html';
import { ICONS, APPLE_TOUCH_ICON, manifestPath, THEME, webManifest } from '../../src/features/offline/web-manifest';
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

  it('a path typed without its final slash also finds the saved page; query strings and anchors never matter', () => {
    const variants = (url: string) => savedUrlVariants(new URL(url));
    expect(variants('https://x.test/zh/store?q=1')).toEqual([
      'https://x.test/zh/store',
      'https://x.test/zh/store/index.html',
    ]);
    expect(variants('https://x.test/zh/store/?q=%E8%90%A5&utm_source=x#step-pay')).toEqual([
      'https://x.test/zh/store/',
      'https://x.test/zh/store/index.html',
    ]);
    expect(variants('https://x.test/pagefind/pagefind-entry.json?ts=1764180000000')).toEqual([
      'https://x.test/pagefind/pagefind-entry.json',
    ]);
    expect(variants('https://x.test/sw.js')).toEqual(['https://x.test/sw.js']);
  });

  it.each(['zh', 'en'])(
    '/%s/offline/ stays out of search engines and is small: it lists what is saved from the worker, not every guide',
    (locale) => {
      const html = readBuilt(`/${locale}/offline/`);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain('data-offline-saved');
      for (const slug of guideSlugs(locale)) expect(html).not.toContain(`href="/${locale}/${slug}/"`);
      expect(readBuilt('sitemap-0.xml')).not.toContain('/offline/');
    },
  );
});

describe('packs', () => {
  it('cut each stylesheet out of a page once and put it back byte for byte', () => {
    const styles: string[] = [];
    const a =
      '<!doctype html><html><head><style>body{color:red}</style></head><body><p>a</p><style>.x{}</style></body></html>';
    const b = '<html><head><style>body{color:red}</style></head><body>b</body></html>';
    const packed = [a, b].map((text, i) => ({
      url: `${i}.html`,
      type: 'text/html',
      ...packText(text, styles, styleRanges(text)),
    }));
    expect(styles).toEqual(['body{color:red}', '.x{}']);
    expect(packed[0]!.text).toBe(
      '<!doctype html><html><head><style></style></head><body><p>a</p><style></style></body></html>',
    );
    expect(packed.map((f) => unpackText({ styles, files: packed }, f))).toEqual([a, b]);
    expect(packText('<p>no style</p>', styles, [])).toEqual({ text: '<p>no style</p>' });
  });

  it("cut Pagefind's word breaks out of a text and put them back exactly, wherever they are", () => {
    const B = WORD_BREAK;
    expect(cutWordBreaks(`你好${B}世界${B}!`)).toEqual({ text: '你好世界!', breaks: '22' });
    expect(cutWordBreaks('no breaks')).toEqual({ text: 'no breaks' });
    const long = 'x'.repeat(35);
    const texts = [
      `${B}`,
      `${B}${B}a${B}`,
      `${B}starts, ends${B}`,
      `${long}${B}${long}${long}y${B}${'z'.repeat(34)}${B}`,
      `pagefind_dcd{"content":"流量${B}用完${B}前${B}几天${B}就${B}充${B}. ${B}Wi${B}-${B}Fi"}`,
      `😀${B}两个${B}字`,
    ];
    for (const text of texts) {
      const cut = cutWordBreaks(text);
      expect(cut.text).not.toContain(B);
      expect(cut.breaks!.length).toBeLessThanOrEqual(text.length);
      expect(putWordBreaks(cut.text, cut.breaks!), JSON.stringify(text)).toBe(text);
    }
    expect(cutWordBreaks(`${long}${B}`).breaks).toBe('z0');
    // In a pack, the word breaks go back before the stylesheets (whose offsets count them).
    const page = `<p>a${B}b</p><style>p{}</style><p>c${B}d</p>`;
    const styles: string[] = [];
    const packed = packText(page, styles, styleRanges(page));
    const file = { url: 'x.html', type: 'text/html', ...packed, ...cutWordBreaks(packed.text) };
    expect(file.text).toBe('<p>ab</p><style></style><p>cd</p>');
    expect(unpackText({ styles, files: [file] }, file)).toBe(page);
  });
});

describe('which tiers of a language a first visit saves', () => {
  const sizes = { essentials: 30, search: 100, pages: 40 } as const;
  const cost = (tiers: string[]) => tiers.reduce((sum, t) => sum + sizes[t as keyof typeof sizes], 0);

  it('everything when it fits; else essentials and search; else essentials and pages; else essentials', async () => {
    expect(await planTiers(cost, 10, 180)).toEqual(['essentials', 'search', 'pages']);
    expect(await planTiers(cost, 10, 150)).toEqual(['essentials', 'search']);
    expect(await planTiers(cost, 10, 100)).toEqual(['essentials', 'pages']);
    expect(await planTiers(cost, 10, 50)).toEqual(['essentials']);
  });

  it('fails the build when not even the essentials fit', async () => {
    await expect(planTiers(cost, 10, 30)).rejects.toThrow(/essentials .* exceed the budget/);
  });
});

describe('the offline copy, as the reader sees it', () => {
  it("a last-checked date more than 90 days before the reader's own date is stale", () => {
    expect(daysSince('2026-11-26', new Date(2027, 1, 24, 23, 59))).toBe(90);
    expect(isStale('2026-11-26', new Date(2027, 1, 24, 23, 59))).toBe(false);
    expect(isStale('2026-11-26', new Date(2027, 1, 25, 0, 1))).toBe(true);
    expect(isStale('2026-11-26', new Date(2026, 10, 26))).toBe(false);
    expect(isStale('not a date', new Date(2030, 0, 1))).toBe(false);
  });

  it("sizes and dates in the page's language", () => {
    expect(formatSize(170 * 1024)).toBe('170 KB');
    expect(formatSize(2.34 * 1024 * 1024)).toBe('2.3 MB');
    expect(formatLocalDate(new Date(2026, 11, 1, 23, 30), 'en')).toBe('1 December 2026');
    expect(formatLocalDate(new Date(2026, 11, 1, 23, 30), 'zh')).toBe('2026年12月1日');
  });

  it('keeps each group in a cache of its own, under the names Workbox gave them (an update finds the old copy)', () => {
    const names = cacheNamesFor('https://x.test/');
    expect(groupCacheName(names)).toBe('workbox-precache-v2-https://x.test/');
    expect(groupCacheName(names, 'zh')).toBe('workbox-precache-v2-zh-https://x.test/');
    expect(stateCacheName(names)).toBe('workbox-offline-state-https://x.test/');
  });

  it("keys each saved file as Workbox did: its URL, with this build's revision when its name does not change", () => {
    expect(cacheKeyOf({ url: 'zh/offline/index.html', revision: '178aac53' }, 'https://x.test/sw.js')).toBe(
      'https://x.test/zh/offline/index.html?__WB_REVISION__=178aac53',
    );
    expect(cacheKeyOf({ url: '_astro/site.CCvRSEmC.js', revision: null }, 'https://x.test/sw.js')).toBe(
      'https://x.test/_astro/site.CCvRSEmC.js',
    );
  });
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
