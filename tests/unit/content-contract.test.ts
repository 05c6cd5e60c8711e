import { describe, expect, it } from 'vitest';
import { compareAnchors, isAnchorId } from '../../src/lib/anchors';
import { linkHrefs, mainIds } from '../../src/lib/html';
import { builtPages, guideSlugs, readBuilt } from './helpers/site';

const slugs = guideSlugs('en');

describe('the content contract, on the built site', () => {
  it('both languages have exactly the same guides', () => {
    expect(guideSlugs('zh')).toEqual(slugs);
    expect(slugs.length).toBeGreaterThan(0);
  });

  it('every guide is built in both languages', () => {
    const pages = builtPages();
    for (const slug of slugs) {
      expect(pages).toContain(`/zh/${slug}/`);
      expect(pages).toContain(`/en/${slug}/`);
    }
  });

  it.each(slugs)('%s: headings and steps carry the same ASCII ids, in the same order, in both languages', (slug) => {
    const byLocale = { zh: mainIds(readBuilt(`/zh/${slug}/`)), en: mainIds(readBuilt(`/en/${slug}/`)) };
    expect(compareAnchors(byLocale)).toBeUndefined();
    for (const id of byLocale.zh) expect(isAnchorId(id), id).toBe(true);
    const headings = [...readBuilt(`/en/${slug}/`).matchAll(/<h([2-6])\b([^>]*)>/g)];
    for (const [tag, , attributes] of headings) expect(attributes, tag).toMatch(/\sid="[a-z]/);
  });

  it.each(slugs)('%s: a Chinese page never links into /en/ (and vice versa) except through the language switcher', (slug) => {
    for (const [locale, other] of [['zh', 'en'], ['en', 'zh']] as const) {
      const html = readBuilt(`/${locale}/${slug}/`);
      const switcher = /<ul class="language-switcher"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
      const stray = linkHrefs(html.replace(switcher, '')).filter((href) => href.startsWith(`/${other}/`));
      expect(stray, `/${locale}/${slug}/`).toEqual([]);
    }
  });

  it.each(slugs)('%s: shows its last-checked date and at least one source in both languages', (slug) => {
    for (const locale of ['zh', 'en']) {
      const html = readBuilt(`/${locale}/${slug}/`);
      expect(html).toMatch(/<h2 id="sources">/);
      expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">/);
      expect(html).toMatch(/<li id="source-[a-z0-9-]+"><a href="https?:\/\//);
    }
  });

  it('every page sets its language on <html>', () => {
    for (const page of builtPages()) {
      const lang = /<html lang="([^"]+)"/.exec(readBuilt(page))?.[1];
      const expected = page.startsWith('/en/') ? 'en' : 'zh-CN';
      expect(lang, page).toBe(expected);
    }
  });
});

/** The markup of one section: from its h2 to the next h2. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}"`);
  if (start < 0) return '';
  const next = html.indexOf('<h2', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('method pages', () => {
  const methods = slugs.filter((slug) => /<article class="guide" data-kind="method"[\s>]/.test(readBuilt(`/en/${slug}/`)));

  it('are recognisable in the built pages', () => {
    expect(methods).toContain('store');
  });

  it.each(methods)('%s: "what you need" is a checklist and "steps" holds numbered steps, in both languages', (slug) => {
    for (const locale of ['zh', 'en']) {
      const html = readBuilt(`/${locale}/${slug}/`);
      expect(section(html, 'what-you-need'), `/${locale}/${slug}/`).toContain('class="checklist"');
      expect(section(html, 'steps'), `/${locale}/${slug}/`).toMatch(/class="steps"><ol>\s*<li id="step-/);
      expect(section(html, 'try-instead'), `/${locale}/${slug}/`).toMatch(/<a href=|<li>/);
    }
  });
});
