import { describe, expect, it } from 'vitest';
import { CSP_META, inlineStyles, pageProblems, policyFor, styleHash, withPolicy } from '../../src/lib/csp';
import { builtPages, readBuilt } from './helpers/site';

const PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="canonical" href="https://example.test/en/"><style>a{color:red}</style></head><body><main>x</main></body></html>';

describe('the Content-Security-Policy (src/lib/csp.ts)', () => {
  it('allows scripts only from our origin, WebAssembly, same-origin workers, and each inline stylesheet by its hash', () => {
    const policy = policyFor(PAGE);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain(`style-src 'self' ${styleHash('a{color:red}')}`);
    expect(policy).not.toContain('unsafe-inline');
    // The same digest as `printf 'a{color:red}' | openssl dgst -sha256 -binary | base64`.
    expect(styleHash('a{color:red}')).toBe("'sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs='");
  });

  it('goes right after <meta charset>, before anything it governs', () => {
    const html = withPolicy(PAGE);
    expect(html).toMatch(
      /^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="[^"]+"><link rel="canonical"/,
    );
    expect(() => withPolicy(html)).toThrow(/already has/);
    expect(() => withPolicy('<html><head><title>x</title></head></html>')).toThrow(/no <meta charset/);
  });

  it('finds what the policy would block and external links that are unlisted or leak the opener', () => {
    const bad = `${PAGE}<script>alert(1)</script><script type="module" src="/_astro/a.js"></script><button onclick="x()">b</button><p style="color:red">p</p><a href="javascript:alert(1)">j</a><a href="https://t.me/cheap">t</a><a href="https://jazz.com.pk/" rel="noopener">j</a><a href="https://example.test/en/store/">own</a><a href="https://zong.com.pk/" rel="noopener noreferrer">ok</a>`;
    expect(pageProblems(bad)).toEqual([
      expect.stringMatching(/^an inline <script> .*alert\(1\)/),
      'an inline event handler onclick on <button> (add the listener in a bundled script)',
      'a style attribute on <p>: style="color:red" (use a class in the stylesheet)',
      'a javascript: URL on <a>',
      'a link to https://t.me/cheap, whose host is not on the allow-list in src/lib/external-links.ts',
      'an external link to https://t.me/cheap without rel="noopener noreferrer"',
      'an external link to https://jazz.com.pk/ without rel="noopener noreferrer"',
    ]);
    expect(pageProblems(PAGE)).toEqual([]);
  });
});

describe('every built page', () => {
  const pages = builtPages();

  it.each(pages)('%s has its policy first in <head>, and nothing the policy blocks', (page) => {
    const html = readBuilt(page);
    expect(html).toMatch(
      /^<!DOCTYPE html><html lang="[^"]+"><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/i,
    );
    expect(html.match(new RegExp(CSP_META, 'gi'))?.length).toBe(1);
    const policy = /content="([^"]+)"/.exec(CSP_META.exec(html)![0])![1]!;
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    for (const css of inlineStyles(html)) expect(policy).toContain(styleHash(css));
    expect(pageProblems(html)).toEqual([]);
  });

  it('external links exist, and every one of them has rel="noopener noreferrer"', () => {
    const external = pages.flatMap((page) =>
      [...readBuilt(page).matchAll(/<a\b[^>]*\shref="https?:\/\/(?!127\.0\.0\.1)[^"]*"[^>]*>/g)].map(
        (m) => `${page} ${m[0]}`,
      ),
    );
    expect(external.length).toBeGreaterThan(20);
    expect(external.filter((a) => !/\srel="noopener noreferrer"/.test(a))).toEqual([]);
  });
});
