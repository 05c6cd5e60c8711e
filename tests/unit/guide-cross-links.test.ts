import { describe, expect, it } from 'vitest';
import { linkHrefs, mainContent } from '../../src/lib/html';
import { guideSlugs, readBuilt } from './helpers/site';

// Cross-links between guides, as built: every guide sends the reader on ("if this doesn't work, try …"), every
// guide is reached from another guide (not only from the home page), and both languages link alike.

const slugs = guideSlugs('en');
const locales = ['zh', 'en'] as const;

/** The guide's own text: the article without its source list. */
const article = (locale: string, slug: string) =>
  mainContent(readBuilt(`/${locale}/${slug}/`)).replace(/<footer class="page-sources">[\s\S]*?<\/footer>/, '');

/** Links from one guide to other pages of the site, as `slug` or `slug#anchor`, in the page's language. */
function siteLinks(locale: string, slug: string): string[] {
  return linkHrefs(article(locale, slug))
    .map((href) => new RegExp(`^/${locale}/([a-z0-9-]+)/(#[a-z0-9-]+)?$`).exec(href))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== slug)
    .map((m) => `${m[1]}${m[2] ?? ''}`);
}

const guideTargets = (locale: string, slug: string) => [
  ...new Set(
    siteLinks(locale, slug)
      .map((l) => l.replace(/#.*/, ''))
      .filter((s) => slugs.includes(s)),
  ),
];

describe('links between guides', () => {
  it.each(slugs)('%s links to at least two other guides, in both languages', (slug) => {
    for (const locale of locales)
      expect(guideTargets(locale, slug).length, `/${locale}/${slug}/`).toBeGreaterThanOrEqual(2);
  });

  it.each(locales)('no guide is an orphan in %s: each is linked from at least one other guide', (locale) => {
    const inbound = new Map(slugs.map((slug) => [slug, [] as string[]]));
    for (const from of slugs) for (const to of guideTargets(locale, from)) inbound.get(to)?.push(from);
    const orphans = [...inbound].filter(([, from]) => from.length === 0).map(([slug]) => slug);
    expect(orphans).toEqual([]);
  });

  it.each(slugs)('%s links to the same pages and anchors in both languages', (slug) => {
    const [zh, en] = locales.map((locale) => [...new Set(siteLinks(locale, slug))].sort());
    expect(zh).toEqual(en);
  });

  it.each(['store', 'convenience-shop'])('%s offers the shopkeeper card to readers who cannot speak Urdu', (slug) => {
    for (const locale of locales) {
      const link = new RegExp(`<a href="/${locale}/show-shopkeeper/">([^<]+)</a>`).exec(article(locale, slug))?.[1];
      // In Chinese the person at a franchise counter is 店员, at a small shop 店主 (content/glossary.md).
      const zh = `把用乌尔都语和英语写的卡片给${slug === 'store' ? '店员' : '店主'}看`;
      expect(link, `/${locale}/${slug}/`).toBe(locale === 'en' ? 'Show the shopkeeper a card in Urdu and English' : zh);
    }
  });
});
