import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternatesOfUrl, languageAlternates } from '../../src/lib/alternates';
import { decodeEntities } from '../../src/lib/html';
import { SHARE_IMAGE } from '../../src/lib/share';
import { builtPages, DIST, readBuilt, ROOT } from './helpers/site';

/** The origin the site was built for: the canonical of `/` names it. */
const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readBuilt('/'))?.[1] ?? 'http://invalid/').origin;

/** Pages meant to be found and shared: every page that does not ask to stay out of search engines (the 404). */
const indexable = builtPages().filter((page) => !readBuilt(page).includes('<meta name="robots" content="noindex">'));

function head(html: string): string {
  return /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
}
function meta(html: string, property: string): string[] {
  const re = new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`, 'g');
  return [...head(html).matchAll(re)].map((m) => decodeEntities(m[1] ?? ''));
}
function alternateLinks(html: string): { hreflang: string; href: string }[] {
  return [...head(html).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({
    hreflang: m[1] ?? '',
    href: m[2] ?? '',
  }));
}
/** `/zh/store/` → `store`; `/`, `/zh/`, `/en/` → ''. */
function slugOf(page: string): string {
  return page.replace(/^\/(zh|en)\//, '/').replace(/^\/|\/$/g, '');
}

describe('language alternates (src/lib/alternates.ts)', () => {
  it('are the page in each language plus x-default pointing at the / chooser', () => {
    expect(languageAlternates('store', 'https://example.test')).toEqual([
      { hreflang: 'zh-CN', href: 'https://example.test/zh/store/' },
      { hreflang: 'en', href: 'https://example.test/en/store/' },
      { hreflang: 'x-default', href: 'https://example.test/' },
    ]);
  });

  it('put / and the two homes in one cluster, and nothing else outside the language folders', () => {
    const home = languageAlternates('', 'https://example.test');
    expect(alternatesOfUrl('https://example.test/', 'https://example.test')).toEqual(home);
    expect(alternatesOfUrl('https://example.test/en/', 'https://example.test')).toEqual(home);
    expect(alternatesOfUrl('https://example.test/robots.txt', 'https://example.test')).toEqual([]);
  });
});

describe('every indexable page carries its language signals and a share card', () => {
  it('the built site has pages to check', () => {
    expect(indexable).toContain('/');
    expect(indexable).not.toContain('/404.html');
    expect(indexable.filter((p) => p.startsWith('/zh/')).length).toBeGreaterThan(1);
  });

  it.each(indexable)('%s: canonical, hreflang zh-CN / en / x-default, og:locale and its alternate', (page) => {
    const html = readBuilt(page);
    expect(head(html).match(/<link rel="canonical" href="([^"]+)"/g), 'exactly one canonical').toHaveLength(1);
    expect(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]).toBe(new URL(page, site).href);
    const slug = slugOf(page);
    expect(alternateLinks(html)).toEqual([
      { hreflang: 'zh-CN', href: new URL(slug ? `/zh/${slug}/` : '/zh/', site).href },
      { hreflang: 'en', href: new URL(slug ? `/en/${slug}/` : '/en/', site).href },
      { hreflang: 'x-default', href: `${site}/` },
    ]);
    const locale = page.startsWith('/en/') ? 'en_GB' : 'zh_CN';
    expect(meta(html, 'og:locale')).toEqual([locale]);
    expect(meta(html, 'og:locale:alternate')).toEqual([locale === 'en_GB' ? 'zh_CN' : 'en_GB']);
    expect(meta(html, 'og:url')).toEqual([new URL(page, site).href]);
  });

  it.each(indexable)('%s: Open Graph and Twitter card with title, description and an absolute PNG image', (page) => {
    const html = readBuilt(page);
    const title = meta(html, 'og:title')[0] ?? '';
    expect(title.length).toBeGreaterThan(1);
    expect(decodeEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')).toContain(title);
    expect(meta(html, 'og:description')).toEqual(meta(html, 'description'));
    expect(meta(html, 'og:description')[0]?.length).toBeGreaterThan(10);
    expect(meta(html, 'og:site_name')[0]).toMatch(/巴基斯坦流量充值指南|Pakistan data top-up guide/);
    expect(meta(html, 'og:type')[0]).toMatch(/^(website|article)$/);
    expect(meta(html, 'og:image')).toEqual([`${site}${SHARE_IMAGE.path}`]);
    expect(meta(html, 'og:image:width')).toEqual(['1200']);
    expect(meta(html, 'og:image:height')).toEqual(['630']);
    expect(meta(html, 'og:image:alt')[0]).toMatch(/巴基斯坦流量充值指南.*Pakistan data top-up guide/);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('the not-found page asks not to be indexed and claims no canonical URL', () => {
    const html = readBuilt('/404.html');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
  });
});

describe('the share image', () => {
  it('is a 1200×630 PNG under 60 KB, shipped with the site', () => {
    const png = readFileSync(join(DIST, SHARE_IMAGE.path));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
    expect(png.length).toBeLessThan(60_000);
    expect(readFileSync(join(ROOT, 'public', SHARE_IMAGE.path)).equals(png)).toBe(true);
  });
});

describe('the sitemap', () => {
  const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const entries = sitemaps.flatMap((path) =>
    [...readFileSync(join(DIST, path), 'utf8').matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => {
      const body = m[1] ?? '';
      return {
        loc: /<loc>([^<]+)<\/loc>/.exec(body)?.[1] ?? '',
        links: [...body.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((l) => ({
          hreflang: l[1] ?? '',
          href: l[2] ?? '',
        })),
      };
    }),
  );

  it('robots.txt points to the sitemap index', () => {
    expect(readBuilt('/robots.txt')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    expect(sitemaps.length).toBeGreaterThan(0);
  });

  it('lists every indexable page, and nothing else', () => {
    expect(entries.map((e) => new URL(e.loc).pathname).sort()).toEqual([...indexable].sort());
  });

  it('gives every page the same alternates as its <head>, x-default included', () => {
    for (const { loc, links } of entries) {
      const page = new URL(loc).pathname;
      expect(links, loc).toEqual(alternateLinks(readBuilt(page)));
      expect(
        links.map((l) => l.hreflang),
        loc,
      ).toEqual(['zh-CN', 'en', 'x-default']);
    }
  });
});
