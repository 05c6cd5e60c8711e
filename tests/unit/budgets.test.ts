import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedSize, languageDownloads } from '../../src/features/offline/build/precache-report';
import { LANGUAGE_COPY_BUDGET_BYTES } from '../../src/features/offline/offline';
import { DIST, file, firstViewRequests, guideSlugs, readBuilt, staticImports } from './helpers/site';

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

/**
 * Issue 15: a first visit with service workers, as the peer harness counts it: the page's first view, sw.js, then the
 * offline copy the worker saves for the page's language (its first-visit bundle and search files). Measured from
 * dist/ at brotli 11 (Pagefind's gzipped files as they are), for the heaviest guide page of each language.
 */
export const FIRST_VISIT_BUDGET_BYTES = 200 * 1024;

describe(`a first visit including the offline copy: at most ${FIRST_VISIT_BUDGET_BYTES / 1024} KB`, () => {
  const size = async (path: string) => compressedSize(file(path.endsWith('/') ? `${path}index.html` : path));
  /** The heaviest first view of a guide page of the language, and sw.js. */
  async function beforeCopy(locale: string): Promise<number> {
    let heaviest = 0;
    for (const page of guides.filter((p) => p.startsWith(`/${locale}/`))) {
      heaviest = Math.max(
        heaviest,
        (await Promise.all(firstViewRequests(page).map(size))).reduce((a, b) => a + b, 0),
      );
    }
    return heaviest + (await size('/sw.js'));
  }

  it.each(LOCALES)('%s', async (locale) => {
    const copy = (await languageDownloads(DIST, locale)).reduce((sum, d) => sum + d.bytes, 0);
    expect((await beforeCopy(locale)) + copy).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
  });

  // The build saves at most LANGUAGE_COPY_BUDGET_BYTES at once: then any content that fits it keeps this budget.
  it.each(LOCALES)(`%s, with a copy as big as its budget (${LANGUAGE_COPY_BUDGET_BYTES / 1024} KB)`, async (locale) => {
    expect((await beforeCopy(locale)) + LANGUAGE_COPY_BUDGET_BYTES).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
  });
});
