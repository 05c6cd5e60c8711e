import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { decodeEntities, linkHrefs, mainContent } from '../../src/lib/html';
import { DIST, guideSlugs, readBuilt, ROOT } from './helpers/site';

// The home pages as built: the data-gone box, the chooser without JavaScript and the comparison of the ways.

const locales = ['zh', 'en'] as const;
const home = (locale: string) => readBuilt(`/${locale}/`);
const text = (html: string) =>
  decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The method guides, from their frontmatter. */
const methods = guideSlugs('en').filter((slug) =>
  /^kind: method$/m.test(readFileSync(join(ROOT, 'content/guides/en', `${slug}.mdx`), 'utf8')),
);

function between(html: string, start: RegExp, end: RegExp): string {
  const from = html.search(start);
  if (from < 0) return '';
  const rest = html.slice(from);
  const to = rest.slice(1).search(end);
  return to < 0 ? rest : rest.slice(0, to + 1);
}

const noDataBox = (html: string) => between(html, /<section class="no-data"/, /<\/section>/);
const finder = (html: string) => between(html, /<div class="finder"/, /<h2 id="guides"/);
const comparison = (html: string) => between(html, /<ul class="cards compare"/, /<h2 id="reference"/);

describe('the home page’s box for a reader whose data has run out', () => {
  it.each(locales)(
    '/%s/ comes first after the intro, and leads to a shop load, the shopkeeper card and someone in Pakistan',
    (locale) => {
      const html = home(locale);
      const main = mainContent(html);
      expect(main.indexOf('<section class="no-data"')).toBeLessThan(main.indexOf('<div class="finder"'));
      const links = linkHrefs(noDataBox(html));
      for (const href of [
        `/${locale}/convenience-shop/`,
        `/${locale}/store/`,
        `/${locale}/show-shopkeeper/`,
        `/${locale}/third-party/#someone-in-pakistan`,
      ]) {
        expect(links, href).toContain(href);
      }
      const card = /<a href="\/[a-z]+\/show-shopkeeper\/">([^<]+)<\/a>/.exec(noDataBox(html))?.[1];
      expect(card).toBe(locale === 'en' ? 'Show this to the shopkeeper' : '给店员看的卡片');
    },
  );

  it.each(locales)(
    '/%s/ gives Zong’s balance request code as a tap-to-dial fact, cited in the home’s own source list',
    (locale) => {
      const html = home(locale);
      const box = noDataBox(html);
      const fact = /<span class="fact" data-fact="zong-request-balance">[\s\S]*?<\/sup><\/span>/.exec(box)?.[0] ?? '';
      expect(fact).toContain('href="tel:*829%23"');
      const cited = /href="#(source-[a-z0-9-]+)"/.exec(fact)?.[1];
      expect(cited).toBe('source-zong-yaari-load');
      expect(html).toMatch(
        new RegExp(
          `<li id="${cited}"><a href="https://[^"]+"[^>]*>[^<]+</a> <span class="source-checked">[^<]*2026[^<]*</span>`,
        ),
      );
    },
  );
});

describe('every fact on the home page', () => {
  it.each(locales)(
    '/%s/: cites a source listed with its checked date, and the list has a last-checked date',
    (locale) => {
      const html = home(locale);
      const facts = [
        ...mainContent(html).matchAll(
          /<span class="fact" data-fact="([^"]+)">([\s\S]*?)(?=<span class="fact" data-fact=|$)/g,
        ),
      ];
      expect(facts.map((m) => m[1])).toEqual(
        expect.arrayContaining(['zong-request-balance', 'jazzcash-load-fee', 'recharge-tax-rate', 'balance-from-100']),
      );
      for (const [, id, markup = ''] of facts) {
        const cites = [...markup.matchAll(/<sup class="cite"[^>]*><a href="#(source-[a-z0-9-]+)"/g)].map((m) => m[1]);
        expect(cites.length, `${locale} ${id}`).toBeGreaterThan(0);
        for (const target of cites)
          expect(html, `${locale} ${id} → ${target}`).toMatch(new RegExp(`<li id="${target}"><a href="https?://`));
      }
      expect(html).toMatch(/<h2 id="sources">[\s\S]*?<p class="last-checked">[^<]*<time datetime="\d{4}-\d{2}-\d{2}">/);
      const lastChecked = decodeEntities(
        between(html, /<p class="last-checked">/, /<\/p>/).replace(/<[^>]+>/g, ''),
      ).trim();
      expect(lastChecked).toMatch(locale === 'en' ? /^Last checked: \d+ \w+ \d{4}$/ : /^最后核实：\d{4}年\d+月\d+日$/);
    },
  );

  it.each(locales)('/%s/: shows the JazzCash fee with the day it was checked', (locale) => {
    const fee =
      /<span class="fact" data-fact="jazzcash-load-fee">[\s\S]*?<span class="fact-checked">([^<]+)<\/span>/.exec(
        comparison(home(locale)),
      )?.[1];
    expect(fee).toBe(locale === 'en' ? ' (checked 26 November 2026)' : '（核实于 2026年11月26日）');
  });
});

describe('the chooser without JavaScript', () => {
  it.each(locales)('/%s/: its decision list links to every method guide', (locale) => {
    const links = linkHrefs(finder(home(locale)));
    for (const slug of methods)
      expect(
        links.some((href) => href.startsWith(`/${locale}/${slug}/`)),
        slug,
      ).toBe(true);
  });

  it('asks the same questions with the same answers and links in both languages', () => {
    const shape = (html: string) => ({
      questions: [...html.matchAll(/<h3 id="([^"]+)"/g)].map((m) => m[1]),
      answers: [...html.matchAll(/data-answer="([^"]+)"/g)].map((m) => m[1]),
      links: linkHrefs(html).map((href) => href.replace(/^\/(zh|en)\//, '/')),
    });
    const [zhShape, enShape] = [shape(finder(home('zh'))), shape(finder(home('en')))];
    expect(zhShape).toEqual(enShape);
    expect(enShape.questions).toEqual(['connection', 'shop', 'pay', 'sim', 'network']);
  });

  it('has a small script: the chooser’s bundle stays under 4 KB (no data parser in the browser)', () => {
    const scripts = [
      ...home('en').matchAll(/<script type="module" src="(\/_astro\/MethodFinder[^"]+\.js)"><\/script>/g),
    ].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(statSync(join(DIST, scripts[0]!)).size).toBeLessThan(4096);
  });

  it.each(locales)('/%s/: its answer radios are hidden until the script shows them', (locale) => {
    const radios = [...finder(home(locale)).matchAll(/<input\b[^>]*type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios.length).toBeGreaterThan(10);
    for (const radio of radios) expect(radio).toMatch(/\shidden[\s>]/);
    expect(home(locale)).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
  });
});

describe('the ways compared', () => {
  interface Row {
    method: string;
    [column: string]: string;
  }
  const rows = parse(readFileSync(join(ROOT, 'content/data/comparison.yaml'), 'utf8')) as Row[];
  const cells = (html: string) =>
    [...comparison(html).matchAll(/<li class="card compare-card" data-method="([^"]+)">([\s\S]*?)<\/li>/g)].map(
      ([, method, card = '']) => ({
        method,
        values: Object.fromEntries(
          [...card.matchAll(/<div data-column="([^"]+)" data-value="([^"]+)">/g)].map((m) => [m[1], m[2]]),
        ),
      }),
    );

  it.each(locales)('/%s/ lists every method guide once, in the guides’ order, each linking to its page', (locale) => {
    const html = home(locale);
    const shown = cells(html).map((c) => c.method ?? '');
    expect([...shown].sort()).toEqual([...methods].sort());
    const order = (slug: string) =>
      Number(/^order: (\d+)$/m.exec(readFileSync(join(ROOT, 'content/guides', locale, `${slug}.mdx`), 'utf8'))?.[1]);
    expect(shown.map(order)).toEqual([...shown.map(order)].sort((a, b) => a - b));
    for (const slug of methods)
      expect(comparison(html)).toMatch(new RegExp(`data-method="${slug}">[\\s\\S]*?<a href="/${locale}/${slug}/">`));
  });

  it('shows the same data in both languages, straight from content/data/comparison.yaml', () => {
    const [zhCells, enCells] = [cells(home('zh')), cells(home('en'))];
    expect(zhCells).toEqual(enCells);
    for (const { method, values } of enCells) {
      const { method: _, ...expected } = rows.find((r) => r.method === method)!;
      expect(values, method).toEqual(expected);
    }
  });

  it.each(locales)('/%s/ writes every value in the page language, never as a raw key or data word', (locale) => {
    const strings: Record<string, string> = locale === 'en' ? en : zh;
    const html = comparison(home(locale));
    for (const [, column, value, cell] of html.matchAll(
      /<div data-column="([^"]+)" data-value="([^"]+)">([\s\S]*?)<\/div>/g,
    )) {
      expect(text(cell!), `${column}=${value}`).toContain(strings[`compare.${column}`]);
      expect(text(cell!), `${column}=${value}`).not.toMatch(/compare\.|\{fact:/);
    }
  });
});

describe('UI strings the home page shows', () => {
  it('never type a code, phone number, rupee amount or percentage: facts come through {fact:…} markers', () => {
    const typed = /\*\d+#|\b0\d{2,4}[- ]?\d{5,8}\b|\bRs\.? ?\d|\d ?(卢比|rupees?)|\d ?%/i;
    for (const [file, strings] of [
      ['en.json', en],
      ['zh.json', zh],
    ] as const) {
      const bad = Object.entries(strings).filter(
        ([key, value]) => /^(finder|compare|home)\./.test(key) && typed.test(value),
      );
      expect(bad, file).toEqual([]);
    }
  });
});
