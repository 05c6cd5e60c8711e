import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAnchors, isAnchorId } from '../../src/core/anchors';
import { linkHrefs, mainContent, mainIds } from '../../src/core/html';
import { builtPages, guideFrontmatter, guideSlugs, readBuilt, ROOT } from './helpers/site';

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

  it.each(builtPages().filter((page) => /^\/(zh|en)\//.test(page)))(
    '%s never links into the other language except through the language switcher',
    (page) => {
      const other = page.startsWith('/zh/') ? 'en' : 'zh';
      const html = readBuilt(page);
      const switcher = /<ul class="language-switcher"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
      expect(switcher, 'the page has a language switcher').toContain(`href="/${other}/`);
      const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? 'https://invalid/').origin;
      const stray = linkHrefs(html.replace(switcher, ''))
        .map((href) => new URL(href, `${site}${page}`))
        .filter((url) => url.origin === site && url.pathname.startsWith(`/${other}/`));
      expect(stray).toEqual([]);
    },
  );

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
  const methods = slugs.filter((slug) =>
    /<article class="guide" data-kind="method"[\s>]/.test(readBuilt(`/en/${slug}/`)),
  );

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

/** The top-level items of every `<div class="…">` list wrapper of a kind (`steps`, `checklist`) in a section. */
function wrappedLists(html: string, kind: 'steps' | 'checklist'): string[] {
  return [...html.matchAll(new RegExp(`<div class="${kind}"><(ol|ul)>([\\s\\S]*?)</\\1></div>`, 'g'))].map(
    (m) => m[2] ?? '',
  );
}

describe('every method page, in both languages', () => {
  const methods = slugs.filter((slug) => guideFrontmatter('en', slug)['kind'] === 'method');

  it('includes the methods of this guide', () => {
    expect(methods).toEqual(expect.arrayContaining(['store', 'convenience-shop', 'online', 'atm-bank', 'esim-app']));
  });

  it('has the same kind and order in both languages, and no two guides share an order', () => {
    for (const slug of slugs) {
      const [zh, en] = [guideFrontmatter('zh', slug), guideFrontmatter('en', slug)];
      expect(zh['kind'], slug).toBe(en['kind']);
      expect(zh['order'], slug).toBe(en['order']);
    }
    const orders = slugs.map((slug) => guideFrontmatter('en', slug)['order']);
    expect(new Set(orders).size, `orders: ${orders.join(', ')}`).toBe(slugs.length);
  });

  it.each(methods)('%s: the required sections come in order, in both languages', async (slug) => {
    const { sectionProblems } = await import('../../src/core/sections');
    for (const locale of ['zh', 'en']) {
      const html = readBuilt(`/${locale}/${slug}/`);
      expect(html, `/${locale}/${slug}/`).toMatch(/<article class="guide" data-kind="method"[ >]/);
      const h2 = [...mainContent(html).matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(sectionProblems(h2), `/${locale}/${slug}/`).toEqual([]);
    }
  });

  it.each(methods)(
    '%s: one checklist of things to bring, and steps that each have an id, in both languages',
    (slug) => {
      for (const locale of ['zh', 'en']) {
        const html = readBuilt(`/${locale}/${slug}/`);
        const checklists = wrappedLists(section(html, 'what-you-need'), 'checklist');
        expect(checklists, `/${locale}/${slug}/ #what-you-need`).toHaveLength(1);
        expect((checklists[0] ?? '').match(/<li>/g)?.length ?? 0).toBeGreaterThan(0);
        const steps = wrappedLists(section(html, 'steps'), 'steps');
        expect(steps.length, `/${locale}/${slug}/ #steps`).toBeGreaterThan(0);
        for (const list of steps) {
          const items = list.match(/<li\b[^>]*>/g) ?? [];
          expect(items.length).toBeGreaterThan(1);
          for (const item of items) expect(item, `/${locale}/${slug}/`).toMatch(/^<li id="step-[a-z0-9-]+"[^>]*>$/);
        }
      }
    },
  );

  it.each(methods)('%s: "if this does not suit you" links to other guides in the same language', (slug) => {
    for (const locale of ['zh', 'en']) {
      const links = linkHrefs(section(readBuilt(`/${locale}/${slug}/`), 'try-instead'));
      const guides = links.filter((href) =>
        slugs.some((other) => other !== slug && href.startsWith(`/${locale}/${other}/`)),
      );
      expect(guides.length, `/${locale}/${slug}/#try-instead`).toBeGreaterThan(0);
    }
  });
});

describe('facts and links on the built pages', () => {
  it.each(slugs)(
    '%s: every fact cites a source listed on the page with its checked date, or says it is unverified',
    (slug) => {
      for (const locale of ['zh', 'en']) {
        const html = readBuilt(`/${locale}/${slug}/`);
        const facts = [
          ...mainContent(html).matchAll(
            /<span class="fact" data-fact="([^"]+)"[^>]*>([\s\S]*?)(?=<span class="fact" data-fact=|$)/g,
          ),
        ];
        for (const [, id, markup = ''] of facts) {
          const cites = [...markup.matchAll(/<sup class="cite"[^>]*><a href="#(source-[a-z0-9-]+)"/g)].map(
            (m) => m[1] ?? '',
          );
          const marked = /class="confidence confidence-(likely|unverified)"/.test(markup);
          expect(cites.length > 0 || marked, `/${locale}/${slug}/ fact ${id}`).toBe(true);
          for (const target of cites) {
            expect(html, `/${locale}/${slug}/ fact ${id} cites #${target}`).toMatch(
              new RegExp(`<li id="${target}"><a href="https?://[^"]+"[^>]*>[^<]+</a> <span class="source-checked">`),
            );
          }
        }
      }
    },
  );

  it('every link to an anchor on a guide lands on an id that exists on that page', () => {
    const idsOf = new Map<string, Set<string>>();
    const ids = (page: string) => {
      if (!idsOf.has(page))
        idsOf.set(page, new Set([...readBuilt(page).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')));
      return idsOf.get(page)!;
    };
    const broken: string[] = [];
    for (const page of builtPages().filter((p) => /^\/(zh|en)\//.test(p))) {
      for (const href of linkHrefs(readBuilt(page))) {
        const match = /^(\/(?:zh|en)\/[^#?]*)?#(.+)$/.exec(href);
        if (!match) continue;
        const target = match[1] ?? page;
        if (!ids(target).has(decodeURIComponent(match[2] ?? ''))) broken.push(`${page} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('facts are never typed into prose', () => {
  /** App names and dialable values from content/data/facts.yaml: they must come from <Fact>, not the text. */
  const factValues = [...readFileSync(join(ROOT, 'content/data/facts.yaml'), 'utf8').split(/^- /m)]
    .map((entry) => ({
      kind: /^\s*kind: (\S+)/m.exec(entry)?.[1],
      value: /^\s*value: "?([^"\n]+)"?$/m.exec(entry)?.[1],
    }))
    .filter(
      (f): f is { kind: string; value: string } =>
        Boolean(f.value) && ['app', 'ussd', 'phone', 'sms', 'url'].includes(f.kind ?? ''),
    );

  const TYPED = [
    { what: 'a USSD code', pattern: /\*\d+(\*\d+)*#/ },
    { what: 'a URL', pattern: /https?:\/\/|www\./ },
    { what: 'a phone number', pattern: /\b0\d{2,4}[- ]?\d{5,8}\b/ },
    { what: 'a rupee amount', pattern: /\bRs\.? ?\d|\d ?(卢比|rupees?)/i },
    { what: 'a percentage', pattern: /\d ?%/ },
  ];

  it('a quoted fact (a word to send, a label to tap) has its quotes inside it, so its citations follow them', () => {
    const pages = builtPages().filter((page) => /^\/(zh|en)\//.test(page));
    // “<Fact …/>” in a guide would put the citations inside the quotes: “Hi[11][6]”. Write <Fact … quoted />.
    for (const page of pages) expect(readBuilt(page), page).not.toMatch(/[“"]<span class="fact"/);
    const quoted = pages.flatMap((page) => [
      ...readBuilt(page).matchAll(/<span class="fact-value">“[^<”]+”<\/span>\s*<span class="cites">/g),
    ]);
    expect(quoted.length).toBeGreaterThanOrEqual(10);
  });

  it('the list of fact values to look for is not empty', () => {
    expect(factValues.map((f) => f.value)).toEqual(expect.arrayContaining(['JazzCash', '*829#']));
  });

  it.each(slugs.flatMap((slug) => ['zh', 'en'].map((locale) => `${locale}/${slug}`)))('%s.mdx', (id) => {
    const source = readFileSync(join(ROOT, 'content/guides', `${id}.mdx`), 'utf8');
    const prose = source
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/<Fact\b[^>]*\/>/g, '')
      .replace(/\]\(#[^)]*\)/g, ']');
    const found = [
      ...TYPED.filter((t) => t.pattern.test(prose)).map((t) => `${t.what}: ${t.pattern.exec(prose)?.[0]}`),
      ...factValues
        .filter((f) =>
          new RegExp(`(^|[^A-Za-z])${f.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(prose),
        )
        .map((f) => `"${f.value}" (write <Fact id="…" />)`),
    ];
    expect(found, `content/guides/${id}.mdx types facts into prose`).toEqual([]);
  });
});
