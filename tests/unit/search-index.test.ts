import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mainContent } from '../../src/core/html';
import { PAGEFIND_DIR } from '../../src/core/pagefind-bundle';
import {
  describeIndexProblems,
  describeKeywordClashes,
  describeMissingKeywordAnchors,
  KEYWORD_ANCHOR,
  keywordKey,
  keywordList,
  keywordsInHtml,
  keywordsMeta,
  parseKeyword,
  repeatedKeywords,
  SECTION_RECORDS,
  sectionRecords,
  spaced,
  titleSteps,
  trimFragment,
  UNUSED_BUNDLE_FILES,
} from '../../src/features/search/search-index';
import { LOADER_MINIFY } from '../../src/features/search/build/pagefind';
import { buildWith } from './helpers/fixture-build';
import { builtPages, DIST, guideSlugs, readBuilt } from './helpers/site';

/** The built site's result fragments, as Pagefind's loader reads them (gzipped JSON behind its marker). */
function builtFragments(): {
  url: string;
  meta: Record<string, string>;
  anchors: { element: string; title?: string; text?: string }[];
}[] {
  const fragments = join(DIST, PAGEFIND_DIR, 'fragment');
  return readdirSync(fragments).map((file) =>
    JSON.parse(
      gunzipSync(readFileSync(join(fragments, file)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
}

describe('search index checks', () => {
  it('accept one non-empty index per site language', () => {
    expect(
      describeIndexProblems({ 'zh-cn': { page_count: 2 }, en: { page_count: 2 } }, ['zh-cn', 'en']),
    ).toBeUndefined();
  });

  it('name a missing or empty language and an unexpected one', () => {
    const problem = describeIndexProblems({ en: { page_count: 0 }, unknown: { page_count: 1 } }, ['zh-cn', 'en']);
    expect(problem).toMatch(/no pages were indexed for "zh-cn"/);
    expect(problem).toMatch(/no pages were indexed for "en"/);
    expect(problem).toMatch(/unexpected language "unknown"/);
  });
});

describe('keywords and step titles in the markup', () => {
  it('keywords become one inline Pagefind meta value, or nothing', () => {
    expect(keywordsMeta([' recharge ', 'top-up', 'Jazz Cash'])).toBe('keywords:recharge, top-up, Jazz Cash');
    expect(keywordsMeta([])).toBeUndefined();
    expect(keywordsMeta(undefined)).toBeUndefined();
  });

  it('a keyword listed twice is found, ignoring case and spaces', () => {
    expect(repeatedKeywords(['JazzCash', 'jazzcash', 'Jazz  Cash', 'jazz cash', 'e-SIM'])).toEqual([
      'jazzcash',
      'jazz cash',
    ]);
  });

  it('a keyword may name the section it leads to in brackets after its words, and nothing else with #', () => {
    for (const ok of ['双卡 (#two-at-once)', 'dual SIM(#two-at-once)', 'JazzCash', 'e-SIM', '没有流量了'])
      expect(ok, ok).toMatch(KEYWORD_ANCHOR);
    for (const bad of ['双卡 #two-at-once', 'C#', '(#two-at-once)', 'a (#Two)', 'a (#x) b', 'a (two-at-once)'])
      expect(bad, bad).not.toMatch(KEYWORD_ANCHOR);
  });

  it('the home page’s keywords, one UI string, split at Latin and Chinese commas', () => {
    expect(keywordList('充值, 续费，缴费、 话费 ,')).toEqual(['充值', '续费', '缴费', '话费']);
  });

  it('keywords are read back from built markup, entities decoded', () => {
    expect(
      keywordsInHtml('<article data-pagefind-body data-pagefind-meta="keywords:a &amp; b, 双卡 (#two-at-once)">'),
    ).toEqual(['a & b', '双卡 (#two-at-once)']);
    expect(keywordsInHtml('<article data-pagefind-body>')).toEqual([]);
  });
});

describe('keywords lead to one page each', () => {
  const key = keywordKey;
  const page = (path: string, keywords: string[]) => ({
    page: path,
    source: `content/guides${path.slice(0, -1)}.mdx (keywords)`,
    keywords,
  });

  it('two pages of a language asking for the same thing are named, with both keywords and files', () => {
    const problem = describeKeywordClashes(
      [
        page('/en/store/', ['passport (#what-you-need)', 'Bank Account']),
        page('/en/online/', ['bank  account']),
        page('/zh/store/', ['passport']),
      ],
      key,
    );
    expect(problem).toMatch(
      /"bank {2}account" \(content\/guides\/en\/online\.mdx \(keywords\)\) and "Bank Account" \(content\/guides\/en\/store\.mdx \(keywords\)\)/,
    );
    expect(problem).toMatch(/which of \/en\/online\/ and \/en\/store\/ is meant/);
    // Another language may use the same word; one page may say a thing twice.
    expect(problem).not.toMatch(/passport/);
    expect(
      describeKeywordClashes([page('/en/store/', ['top up without bank account', 'without a bank account'])], key),
    ).toBeUndefined();
  });

  it('case, spaces, hyphens and the section named do not make keywords different', () => {
    expect(
      describeKeywordClashes([page('/en/online/', ['JazzCash (#wallets)']), page('/en/store/', ['jazz cash'])], key),
    ).toMatch(/JazzCash/);
    expect(
      describeKeywordClashes([page('/en/online/', ['top-up card']), page('/en/store/', ['Top Up card'])], key),
    ).toMatch(/top-up card/);
    expect(
      describeKeywordClashes([page('/zh/online/', ['WhatsApp']), page('/zh/store/', ['WhatsApp 充值'])], key),
    ).toBeUndefined();
  });

  it('name their section in brackets after their words', () => {
    expect(parseKeyword(' 双卡 (#two-at-once) ')).toEqual({ text: '双卡', anchor: 'two-at-once', lesser: false });
    expect(parseKeyword('dual SIM(#two-at-once)')).toEqual({ text: 'dual SIM', anchor: 'two-at-once', lesser: false });
    expect(parseKeyword('Jazz Cash')).toEqual({ text: 'Jazz Cash', lesser: false });
    // `~` first: a lesser keyword.
    expect(parseKeyword('~小店 (#steps)')).toEqual({ text: '小店', anchor: 'steps', lesser: true });
    expect(parseKeyword('~ corner shop')).toEqual({ text: 'corner shop', lesser: true });
  });

  it('a keyword naming a section the page does not have is named', () => {
    const pages = [
      { ...page('/en/sim-types/', ['dual SIM (#two-at-once)', 'eSIM (#no-such-part)']), ids: new Set(['two-at-once']) },
    ];
    const problem = describeMissingKeywordAnchors(pages, (k) => parseKeyword(k).anchor);
    expect(problem).toMatch(
      /"eSIM \(#no-such-part\)" \(content\/guides\/en\/sim-types\.mdx \(keywords\)\): \/en\/sim-types\/ has no heading or step with the id "no-such-part"/,
    );
    expect(problem).not.toMatch(/two-at-once/);
  });

  it('each step gets a numbered search title; other list items are left alone', () => {
    const html = '<ol><li id="step-a">A</li><li>plain</li><li id="step-b" class="x">B</li></ol>';
    expect(titleSteps(html, (n) => `Step "${n}" & more`)).toBe(
      '<ol><li id="step-a" data-pagefind-title="Step &quot;1&quot; &amp; more">A</li><li>plain</li><li id="step-b" data-pagefind-title="Step &quot;2&quot; &amp; more" class="x">B</li></ol>',
    );
  });
});

describe('search records: one per section (when SECTION_RECORDS names headings), else one per page', () => {
  const html = `<html lang="en"><head><title>x</title></head><body><header id="top"><h2 id="nav">Menu</h2></header>
<article data-pagefind-body data-pagefind-meta="keywords:start word, tax word (#tax), ~minor word (#tax), pay step (#step-pay), ~low start, nowhere (#gone)">
<h1 data-pagefind-weight="5">Avoid a failed top-up &amp; more</h1><p class="lead">Lead.</p>
<h2 id="fails">When it fails</h2><p>Intro.</p>
<h3 id="tax">Tax</h3><div class="tip" data-pagefind-ignore><p>Cite</p><ol><li id="step-pay" data-pagefind-title="Step 1">Pay</li></ol></div>
<h3 id="validity">Validity</h3><p>Expired.</p><footer><h2 id="sources">Sources</h2></footer><div data-pagefind-ignore><h2 id="hidden">Hidden</h2></div></article><footer>Foot</footer></body></html>`;
  const records = sectionRecords(html, '/en/tips/', undefined, /^h[2-4]$/)!;

  it('start at the page and at every h2–h4 with an id in the indexed part (not in a footer or ignored), each with the page title and the page as a filter', () => {
    expect(records.map((r) => r.url)).toEqual(['/en/tips/', '/en/tips/#fails', '/en/tips/#tax', '/en/tips/#validity']);
    for (const r of records) {
      expect(r.html).toMatch(
        /^<html lang="en"><head><meta data-pagefind-meta="title\[content\]" content="Avoid a failed top-up &amp; more"><meta data-pagefind-filter="page\[content\]" content="\/en\/tips\/"><meta data-pagefind-meta="lesser\[content\]" content="[^"]+"><\/head><body>/,
      );
      expect(r.html).not.toMatch(/Menu|Foot/);
    }
  });

  it('hold only their own part, as written, inside the elements around it (with their Pagefind attributes)', () => {
    expect(records[0]!.html).toContain('Lead.');
    expect(records[0]!.html).not.toContain('Intro.');
    expect(records[1]!.html).toMatch(/When it fails<\/h2><p>Intro.<\/p>\s*<\/article>/);
    expect(records[2]!.html).toContain(
      '<div class="tip" data-pagefind-ignore><p>Cite</p><ol><li id="step-pay" data-pagefind-title="Step 1">Pay</li></ol></div>',
    );
    expect(records[2]!.html).not.toMatch(/Expired|Intro/);
    // The indexed element around every part keeps its other attributes; its keywords are the page's and the part's own.
    expect(records[2]!.html).toContain(
      '<article data-pagefind-body data-pagefind-meta="keywords:start word, tax word, pay step">',
    );
  });

  it('carry the page’s keywords (those naming no part) and the keywords that name them (a section or a step in it)', () => {
    const keywords = records.map((r) => keywordsInHtml(r.html));
    expect(keywords).toEqual([['start word'], ['start word'], ['start word', 'tax word', 'pay step'], ['start word']]);
  });

  it('carry lesser keywords (`~`) the same way, in a metadata field of their own', () => {
    const lesser = records.map(
      (r) => /<meta data-pagefind-meta="lesser\[content\]" content="([^"]*)">/.exec(r.html)?.[1],
    );
    expect(lesser).toEqual(['low start', 'low start', 'minor word low start', 'low start']);
  });

  it('are one per h2–h4 section on the site, or one for the whole page, with all its keywords, when no headings are named', () => {
    expect(SECTION_RECORDS?.source).toBe('^h[2-4]$');
    const [page, ...more] = sectionRecords(html, '/en/tips/', undefined, null)!;
    expect(more).toEqual([]);
    expect(page!.url).toBe('/en/tips/');
    expect(page!.html).toMatch(/Lead\.[\s\S]*Intro\.[\s\S]*Expired\./);
    // "nowhere (#gone)" names no part of the page (the build fails on it: describeMissingKeywordAnchors).
    expect(keywordsInHtml(page!.html)).toEqual(['start word', 'tax word', 'pay step']);
  });

  it('are none for a page without data-pagefind-body', () => {
    expect(sectionRecords('<html lang="en"><body><h2 id="a">A</h2></body></html>', '/en/search/')).toBeUndefined();
  });

  it('write keywords as search splits a query: Chinese with spaces between its words, question words cut', () => {
    expect(spaced('没有银行账户')).toBe('没有 银行 账户');
    expect(spaced('流量用完了')).toBe('流量 用完');
    expect(spaced('Which one do I have')).toBe('which one have');
    expect(spaced('Jazz 钱包')).toBe('jazz 钱包');
    expect(spaced('top up')).toBe('top up');
  });
});

describe('the built site, for search', () => {
  const bundle = join(DIST, PAGEFIND_DIR);

  it('has a Pagefind index per language, covering every guide and the home page, without the prebuilt UIs', () => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    // One record per page (or section, see SECTION_RECORDS) of every guide, the home intro and the card page's intro.
    for (const [locale, lang] of [
      ['zh', 'zh-cn'],
      ['en', 'en'],
    ] as const) {
      const pages = [
        ...guideSlugs(locale).map((slug) => `/${locale}/${slug}/`),
        `/${locale}/`,
        `/${locale}/show-shopkeeper/`,
      ];
      const records = pages.flatMap((page) => sectionRecords(readBuilt(page), page) ?? []);
      expect(records.length).toBe(SECTION_RECORDS ? records.length : pages.length);
      expect(entry.languages[lang]?.page_count).toBe(records.length);
    }
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    for (const file of UNUSED_BUNDLE_FILES) expect(existsSync(join(bundle, file)), file).toBe(false);
    expect(readdirSync(join(bundle, 'fragment')).length).toBeGreaterThan(0);
  });

  it("ships Pagefind's loader minified: minifying it again gains nothing", async () => {
    const loader = readFileSync(join(bundle, 'pagefind.js'), 'utf8');
    expect(loader).toMatch(/\bexport\s*\{[^}]*\binit\b[^}]*\bsearch\b/);
    const again = (await transform(loader, LOADER_MINIFY)).code;
    expect(again.length).toBeGreaterThan(loader.length * 0.99);
  });

  it('indexes the guide article, the home intro and the shopkeeper card page’s intro only: no header, footer, form, search or 404 page', () => {
    const bodies = (path: string) => [...readBuilt(path).matchAll(/data-pagefind-body/g)].length;
    for (const locale of ['zh', 'en']) {
      for (const slug of guideSlugs(locale))
        expect(readBuilt(`/${locale}/${slug}/`)).toMatch(/<article class="guide"[^>]* data-pagefind-body/);
      expect(bodies(`/${locale}/`)).toBe(1);
      expect(bodies(`/${locale}/show-shopkeeper/`)).toBe(1);
      expect(bodies(`/${locale}/search/`)).toBe(0);
    }
    expect(bodies('/404.html')).toBe(0);
    expect(bodies('/')).toBe(0);
    expect(readBuilt('/en/store/')).not.toMatch(/<header[^>]*data-pagefind-body|<footer[^>]*data-pagefind-body/);
    const shopkeeper = sectionRecords(readBuilt('/en/show-shopkeeper/'), '/en/show-shopkeeper/') ?? [];
    expect(shopkeeper.map((r) => r.url)).toEqual(['/en/show-shopkeeper/']);
    expect(shopkeeper[0]?.html).toContain('Show this to the shopkeeper');
    expect(shopkeeper[0]?.html).not.toMatch(/<form|<input/);
  });

  it('gives every step a search title in the page language and keeps citations out of the index', () => {
    const zh = readBuilt('/zh/store/');
    const en = readBuilt('/en/store/');
    expect(zh).toContain('<li id="step-pay" data-pagefind-title="第 5 步">');
    expect(en).toContain('<li id="step-pay" data-pagefind-title="Step 5">');
    expect([...en.matchAll(/<sup class="cite"(?! data-pagefind-ignore)/g)]).toEqual([]);
  });

  it('ships none of the keywords in the pages (search finds each through the index: tests/e2e/search.spec.ts)', () => {
    for (const page of builtPages()) expect(readBuilt(page), page).not.toMatch(/data-pagefind-meta="keywords:/);
    expect(mainContent(readBuilt('/zh/convenience-shop/')).replace(/<[^>]+>/g, ' ')).not.toContain('没有流量了');
    expect(mainContent(readBuilt('/en/convenience-shop/')).replace(/<[^>]+>/g, ' ')).not.toMatch(/kiryana/i);
  });

  it('ships result fragments without what Pagefind never reads: a step keeps its title, a heading its text', () => {
    const fragments = builtFragments();
    for (const f of fragments) expect(f, f.url).not.toHaveProperty('filters');
    // Results show a record's title only: its keywords and lesser keywords are in the index, not the fragment.
    for (const f of fragments) expect(Object.keys(f.meta), f.url).toEqual(['title']);
    const anchors = fragments.flatMap((f) => f.anchors);
    expect(anchors.filter((a) => a.title).length).toBeGreaterThan(20);
    for (const a of anchors) {
      if (a.title) expect(a.text, a.title).toBeUndefined();
      else expect(a.element, JSON.stringify(a)).toMatch(/^h\d$/);
    }
    expect(
      trimFragment(
        'pagefind_dcd{"url":"/x/","filters":{"page":["/x/"]},"meta":{"title":"X","keywords":"a b","lesser":"c"},"anchors":[{"element":"li","id":"step-a","title":"Step 1","text":"Pay"},{"element":"h2","id":"a","text":"A"},{"element":"p","id":"b","text":"B"}]}',
      ),
    ).toBe(
      'pagefind_dcd{"url":"/x/","meta":{"title":"X"},"anchors":[{"element":"li","id":"step-a","title":"Step 1"},{"element":"h2","id":"a","text":"A"}]}',
    );
  });

  it('puts a plain search form, going to the page’s own language, in the header of every page but the search page', () => {
    const pages = builtPages().filter((p) => /^\/(zh|en)\//.test(p));
    expect(pages.length).toBeGreaterThan(4);
    for (const path of pages) {
      const locale = path.slice(1, 3);
      const html = readBuilt(path);
      const header = /<header class="site-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
      if (path.endsWith('/search/')) {
        expect(header, path).not.toContain('<form');
        expect(mainContent(html), path).toContain(`<form class="search-form search-form-page" role="search"`);
      } else {
        expect(header, path).toMatch(
          new RegExp(
            `<form class="search-form search-form-header" role="search" aria-label="[^"]+" action="/${locale}/search/" method="get">`,
          ),
        );
        expect(header, path).toMatch(/<input id="search-header" type="search" name="q" maxlength="100"/);
      }
    }
  });
});

describe('guide keywords are checked', () => {
  it('a keyword with a comma, or with # other than a section in brackets, fails the build naming the file and the field', () => {
    const result = buildWith((file) => {
      const page = file('content/guides/en/store.mdx');
      page.write(page.read().replace(/^keywords: \[/m, 'keywords: ["top up, recharge", "dual sim #two-at-once", '));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/guides\/en\/store\.mdx/);
    expect(result.output).toMatch(/keywords\.0: a keyword may not contain , : \[ or \]/);
    expect(result.output).toMatch(/keywords\.1: name a section as "\(#id\)" after the words/);
  });

  it('two pages claiming one keyword, or a keyword leading to a missing section, fail the build naming both', () => {
    const result = buildWith((file) => {
      const page = file('content/guides/en/store.mdx');
      page.write(page.read().replace(/^keywords: \[/m, 'keywords: [Easy Load, scratch cards (#no-such-section), '));
    });
    expect(result.ok).toBe(false);
    const clash =
      /"Easy Load( \(#steps\))?" \(content\/guides\/en\/(store|convenience-shop)\.mdx \(keywords\)\) and "Easy Load( \(#steps\))?" \(content\/guides\/en\/(store|convenience-shop)\.mdx/.exec(
        result.output,
      );
    expect(clash?.[2]).not.toBe(clash?.[4]);
    expect(result.output).toMatch(
      /"scratch cards \(#no-such-section\)" \(content\/guides\/en\/store\.mdx \(keywords\)\): \/en\/store\/ has no heading or step with the id "no-such-section"/,
    );
  });
});
