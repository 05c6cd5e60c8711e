import { describe, expect, it } from 'vitest';
import { CDN_LIMITS, headerRules, headersFile, redirectsFile, type HeaderRule } from '../../src/features/security/cdn';
import { inlineStyles, sitePolicy, styleHash } from '../../src/features/security/build/csp';
import { builtPages, readBuilt } from './helpers/site';

/**
 * dist/_headers and dist/_redirects (src/features/security/cdn.ts), as the build writes them, within Cloudflare's limits. What the
 * runtime does with them is tested on the runtime itself (tests/cdn/, Playwright project `cdn`).
 */

/** The rules of a _headers file: path → header lines, in order. */
function parseHeaders(text: string): { path: string; headers: [string, string][] }[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (line.startsWith('/')) rules.push({ path: line, headers: [] });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers.push([name!.toLowerCase(), value.join(':').trim()]);
    }
  }
  return rules;
}

describe('the built dist/_headers', () => {
  const text = readBuilt('_headers');
  const rules = parseHeaders(text);
  const pages = builtPages();

  it("fits Cloudflare's limits: at most 100 rules, no line over 2,000 characters", () => {
    expect(rules.length).toBeLessThanOrEqual(CDN_LIMITS.headerRules);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(CDN_LIMITS.headerLineLength);
  });

  it("sends one Content-Security-Policy for the whole site, allowing every page's stylesheet, with frame-ancestors", () => {
    const all = rules.find((r) => r.path === '/*')!;
    const policies = all.headers.filter(([name]) => name === 'content-security-policy');
    expect(policies).toHaveLength(1);
    const policy = policies[0]![1];
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    for (const page of pages)
      for (const css of inlineStyles(readBuilt(page))) expect(policy, page).toContain(styleHash(css));
    expect(policy).toBe(sitePolicy(pages.map(readBuilt)));
    // No other rule sets a policy (two matching rules would send two policies).
    expect(rules.filter((r) => r.headers.some(([name]) => name === 'content-security-policy'))).toHaveLength(1);
  });

  it('sets each cache lifetime in exactly one rule per path, never in the site-wide rule', () => {
    const all = rules.find((r) => r.path === '/*')!;
    expect(all.headers.map(([name]) => name)).not.toContain('cache-control');
    const caching = rules.filter((r) => r.headers.some(([name]) => name === 'cache-control'));
    expect(new Set(caching.map((r) => r.path)).size).toBe(caching.length);
    expect(caching.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/_astro/*', '/sw.js', '/pagefind/pagefind-entry.json']),
    );
  });
});

describe('the built dist/_redirects', () => {
  it("sends every page's address without its trailing slash to the page, permanently, and nothing else", () => {
    const lines = readBuilt('_redirects')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    const directories = builtPages().filter((p) => p !== '/' && p.endsWith('/'));
    expect(lines.sort()).toEqual(directories.map((p) => `${p.slice(0, -1)} ${p} 301`).sort());
    expect(lines.length).toBeLessThanOrEqual(CDN_LIMITS.staticRedirects);
  });
});

describe('the limits fail the build, naming them', () => {
  it('a policy too long for one _headers line', () => {
    const hashes = Array.from({ length: 40 }, (_, i) => styleHash(`.x${i}{}`)).join(' ');
    expect(() => headersFile(headerRules(`default-src 'none'; style-src 'self' ${hashes}`))).toThrow(
      /_headers line 4 is \d+ characters long; Cloudflare ignores lines over 2000[\s\S]*share one stylesheet file/,
    );
  });

  it('more than 100 rules', () => {
    const many: HeaderRule[] = Array.from({ length: 101 }, (_, i) => ({ path: `/p${i}/*`, headers: [['X-A', 'b']] }));
    expect(() => headersFile(many)).toThrow('_headers has 101 rules; Cloudflare applies at most 100');
    expect(headersFile(many.slice(0, 100))).toContain('/p99/*\n  X-A: b\n');
  });

  it('more than 2,000 redirects', () => {
    const pages = Array.from({ length: 2001 }, (_, i) => `/zh/p${i}/`);
    expect(() => redirectsFile(pages)).toThrow('_redirects has 2001 redirects; Cloudflare applies at most 2000');
    expect(redirectsFile(['/', '/404.html', '/zh/', '/zh/store/'])).toMatch(
      /\n\/zh \/zh\/ 301\n\/zh\/store \/zh\/store\/ 301\n$/,
    );
  });
});
