import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allIds, anchorTargets, linkTargets } from '../../src/lib/html';
import { findBrokenLinks, fileOfPath, pagePathOf, type PageLinks } from '../../src/lib/link-check';
import { builtPages, DIST, readBuilt } from './helpers/site';

const SITE = 'https://example.test';

function site(pages: Record<string, string>, extraFiles: string[] = []) {
  const links = new Map<string, PageLinks>();
  for (const [path, html] of Object.entries(pages))
    links.set(path, { ids: new Set(allIds(html)), targets: linkTargets(html) });
  const files = new Set([...Object.keys(pages).map((p) => fileOfPath(p)), ...extraFiles]);
  return findBrokenLinks(links, files, SITE).map((b) => `${b.page} ${b.url}: ${b.problem}`);
}

describe('the link checker (src/lib/link-check.ts)', () => {
  const store = '<main id="main"><h2 id="steps">S</h2><li id="step-pay">P</li></main>';

  it('accepts links to existing pages, files and ids, relative or absolute on the site', () => {
    const zh =
      '<a href="#main">skip</a><a href="/zh/store/#step-pay">pay</a><a href="store/">s</a><img src="/share.png"><link rel="canonical" href="https://example.test/zh/"><a href="https://jazz.com.pk/x">ext</a><a href="tel:*123%23">dial</a>';
    expect(site({ '/zh/': `<main id="main">${zh}</main>`, '/zh/store/': store }, ['share.png'])).toEqual([]);
  });

  it('reports a missing page, a missing file and a missing trailing slash', () => {
    const problems = site({
      '/zh/': '<a href="/zh/atm-bank/">a</a><script src="/_astro/x.js"></script><a href="/zh/store">s</a>',
      '/zh/store/': store,
    });
    expect(problems).toEqual([
      '/zh/ /zh/atm-bank/: is not a page or file of the site',
      '/zh/ /_astro/x.js: is not a page or file of the site',
      '/zh/ /zh/store: is not a page or file of the site (write it with a trailing slash: /zh/store/)',
    ]);
  });

  it('reports an #anchor that the target page (or the page itself) does not have', () => {
    const problems = site({
      '/en/': '<a href="/en/store/#step-cash">x</a><a href="#nowhere">y</a><a href="#">z</a>',
      '/en/store/': store,
    });
    expect(problems).toEqual([
      '/en/ /en/store/#step-cash: #step-cash is not an id on /en/store/',
      '/en/ #nowhere: #nowhere is not an id on /en/',
      '/en/ #: points nowhere',
    ]);
  });

  it('reports a link into the other language unless it is a deliberate switch (hreflang)', () => {
    const zh =
      '<a href="/en/store/" hreflang="en">English</a><a href="/en/store/">stray</a><link rel="alternate" hreflang="en" href="https://example.test/en/store/">';
    expect(site({ '/zh/store/': zh + store, '/en/store/': store })).toEqual([
      '/zh/store/ /en/store/: leads from a /zh/ page into /en/; only the language switcher (with hreflang) may',
    ]);
  });

  it('maps files and URL paths both ways', () => {
    expect(pagePathOf('zh/store/index.html')).toBe('/zh/store/');
    expect(pagePathOf('index.html')).toBe('/');
    expect(pagePathOf('404.html')).toBe('/404.html');
    expect(fileOfPath('/zh/store/')).toBe('zh/store/index.html');
    expect(fileOfPath('/')).toBe('index.html');
  });
});

describe('reading link targets from HTML', () => {
  it('finds links, scripts, images and the share card URLs, with hreflang', () => {
    const html =
      '<link rel="icon" href="/favicon.svg"><meta property="og:image" content="https://example.test/share.png"><a href="/en/?a=1&amp;b=2" hreflang="en">x</a><script type="module" src="/_astro/a.js"></script><img src="/i.png" alt="">';
    expect(linkTargets(html)).toEqual([
      { tag: 'link', url: '/favicon.svg' },
      { tag: 'a', url: '/en/?a=1&b=2', hreflang: 'en' },
      { tag: 'script', url: '/_astro/a.js' },
      { tag: 'img', url: '/i.png' },
      { tag: 'meta', url: 'https://example.test/share.png' },
    ]);
  });

  it('takes the shared ids as headings and steps in <main>, not sources or landmarks', () => {
    const html =
      '<header id="top"></header><main id="main"><h2 id="steps"><a href="#steps">S</a></h2><li id="step-pay">P</li><li id="source-x">s</li><p id="note">n</p></main>';
    expect(anchorTargets(html)).toEqual(['steps', 'step-pay']);
  });
});

const pages = new Map<string, PageLinks>(
  builtPages().map((page) => [page, { ids: new Set(allIds(readBuilt(page))), targets: linkTargets(readBuilt(page)) }]),
);
/** Every file of the build, relative to dist/. */
const files = new Set(readdirSync(DIST, { recursive: true, encoding: 'utf8' }).map((f) => f.replace(/\\/g, '/')));
/** The origin the site was built for (SITE_URL): the canonical of `/` names it. */
const builtFor = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readBuilt('/'))?.[1] ?? 'http://invalid/').origin;

describe('crawling the built site', () => {
  it('every internal link, file and #anchor of every page resolves, in both languages', () => {
    expect(findBrokenLinks(pages, files, builtFor)).toEqual([]);
  });

  it('actually follows links: pages in both languages, links across guides and #anchors within them', () => {
    const targets = [...pages.values()].flatMap((p) => p.targets);
    expect([...pages.keys()].filter((p) => p.startsWith('/zh/')).length).toBeGreaterThan(1);
    expect([...pages.keys()].filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(1);
    expect(targets.filter((t) => t.url.includes('#step-')).length).toBeGreaterThan(0);
    expect(targets.filter((t) => /^#source-/.test(t.url)).length).toBeGreaterThan(0);
  });

  it('every heading and step of a guide links to itself', () => {
    const guides = builtPages().filter((page) => readBuilt(page).includes('<article class="guide"'));
    expect(guides.length).toBeGreaterThan(1);
    for (const page of guides) {
      const html = readBuilt(page);
      const ids = anchorTargets(html);
      expect(ids.length, page).toBeGreaterThan(0);
      for (const id of ids) expect(html, `${page}#${id}`).toMatch(new RegExp(`id="${id}"[^>]*><a href="#${id}"[^>]*>`));
    }
  });
});
