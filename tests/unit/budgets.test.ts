import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, guideSlugs, readBuilt } from './helpers/site';

/**
 * Byte and request budgets of a guide page's first view, on the built site (deterministic, so tests; timings are
 * in `npm run bench`). A reader on a weak connection must get the whole readable page in the first round trips:
 *  - HTML + CSS ≤ 14 KB brotli (what the first TCP round trips of a new connection carry); no JavaScript is
 *    needed to read it (every script is a deferred module that only enhances);
 *  - at most 3 requests: the page, the site's one script, the favicon;
 *  - no search code until the reader uses search.
 */
export const FIRST_VIEW_BUDGET_BYTES = 14 * 1024;
export const FIRST_VIEW_MAX_REQUESTS = 3;

const LOCALES = ['zh', 'en'];
const guides = guideSlugs('en').flatMap((slug) => LOCALES.map((locale) => `/${locale}/${slug}/`));

export function brotli(bytes: Buffer | string): number {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** A built file by its URL path (`/_astro/x.js`). */
function file(path: string): Buffer {
  return readFileSync(join(DIST, decodeURIComponent(path)));
}

/** The static imports of a built script, as URL paths (dynamic `import()` is on demand, so not counted). */
function staticImports(path: string): string[] {
  const code = file(path).toString('utf8');
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map(
    (m) => new URL(m[1]!, `http://x${path}`).pathname,
  );
}

/** Everything the browser fetches to show a page before any interaction, as URL paths (the page first). */
export function firstViewRequests(page: string): string[] {
  const html = readBuilt(page);
  const requests = [page];
  const add = (path: string) => {
    if (!requests.includes(path)) requests.push(path);
  };
  for (const m of html.matchAll(/<link\b[^>]*\srel="(stylesheet|icon)"[^>]*>/g))
    add(/\shref="([^"]+)"/.exec(m[0])![1]!);
  for (const m of html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)) add(m[1]!);
  const queue = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const script = queue.shift()!;
    if (requests.includes(script)) continue;
    add(script);
    queue.push(...staticImports(script));
  }
  return requests;
}

describe(`a guide page's first view, in both languages (${guides.length} pages)`, () => {
  it('covers every guide', () => {
    expect(guides.length).toBeGreaterThanOrEqual(20);
  });

  it.each(guides)(`%s: HTML + CSS ≤ ${FIRST_VIEW_BUDGET_BYTES / 1024} KB brotli`, (page) => {
    const html = readBuilt(page);
    const css = [...html.matchAll(/<link\b[^>]*\srel="stylesheet"[^>]*\shref="([^"]+)"/g)].map((m) =>
      brotli(file(m[1]!)),
    );
    const total = brotli(html) + css.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(FIRST_VIEW_BUDGET_BYTES);
  });

  it.each(guides)(`%s: at most ${FIRST_VIEW_MAX_REQUESTS} requests, and no script needed to read it`, (page) => {
    const requests = firstViewRequests(page);
    expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(FIRST_VIEW_MAX_REQUESTS);
    const html = readBuilt(page);
    // Deferred module scripts only: nothing blocks the page from rendering, and the text is in the HTML.
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g))
      expect(tag).toMatch(/^<script type="module" src="\/_astro\/[^"]+">$/);
    expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
    expect(html).toMatch(/<main id="main"[^>]*>[\s\S]*<h1[^>]*>[^<]+<\/h1>[\s\S]*<\/main>/);
  });

  it.each(guides)('%s: loads no search code until the reader searches', (page) => {
    const scripts = firstViewRequests(page).filter((p) => p.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = file(script).toString('utf8');
      expect(code, script).not.toMatch(/\/pagefind\//);
      expect(code, script).not.toMatch(/pagefind\.search|excerpt/i);
    }
    expect(readBuilt(page)).not.toMatch(/pagefind[^"]*\.js|modulepreload/);
  });
});

describe('the counting itself', () => {
  it('follows static imports but not dynamic ones', () => {
    const site = firstViewRequests('/en/store/').find((p) => p.endsWith('.js'))!;
    expect(file(site).toString('utf8')).toMatch(/import\(/);
    expect(staticImports(site)).toEqual([]);
    expect(firstViewRequests('/en/store/')).toEqual(['/en/store/', '/favicon.svg', site]);
    // The search page's own script imports a shared chunk: that is a request too.
    const search = firstViewRequests('/en/search/');
    expect(search.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(2);
  });
});
