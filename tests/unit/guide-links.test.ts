import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { externalLinkProblem, isAllowedExternalUrl } from '../../src/lib/external-links';
import { guideLinks } from '../../src/lib/markdown/guide-links';

const FILE = new URL('file:///content/guides/en/example.mdx');
const compile = (source: string) => mdxToJs(source, { hastPlugins: [guideLinks()], fileURL: FILE }).code;

describe('external links (src/lib/external-links.ts)', () => {
  it('allows listed hosts and their subdomains, over http(s)', () => {
    expect(isAllowedExternalUrl('https://jazz.com.pk/faqs')).toBe(true);
    expect(isAllowedExternalUrl('https://www.zong.com.pk/')).toBe(true);
  });

  it('says why a link is refused: messenger channel, unlisted host, ad or affiliate parameters, not http', () => {
    expect(externalLinkProblem('https://t.me/cheap_topups')).toMatch(/messenger channel or invite link/);
    expect(externalLinkProblem('https://chat.whatsapp.com/AbC')).toMatch(/messenger channel/);
    expect(externalLinkProblem('https://wa.me/923001234567')).toMatch(/messenger channel/);
    expect(externalLinkProblem('https://topup-deals.example/')).toMatch(
      /goes to topup-deals\.example, which is not on the allow-list/,
    );
    expect(externalLinkProblem('https://jazz.com.pk/?utm_source=blog&ref=ali')).toMatch(
      /ad or affiliate parameters \(utm_source, ref\)/,
    );
    expect(externalLinkProblem('ftp://jazz.com.pk/')).toMatch(/not an http\(s\) link/);
    // A look-alike host is not a subdomain.
    expect(externalLinkProblem('https://notjazz.com.pk/')).toMatch(/not on the allow-list/);
  });
});

describe('links written in a guide body (src/lib/markdown/guide-links.ts)', () => {
  it('lets allowed links through and adds rel="noopener noreferrer"', () => {
    const code = compile(
      'See [Jazz](https://jazz.com.pk/faqs), [Zong](https://zong.com.pk/) and [a step](#step-pay).\n',
    );
    expect(code.match(/rel: "noopener noreferrer"/g)).toHaveLength(2);
    expect(code).toContain('href: "#step-pay"');
  });

  it('fails naming file, line and link for a Markdown link, a bare URL or an <a> tag to a refused host', () => {
    expect(() => compile('Intro.\n\nJoin [our channel](https://t.me/cheap_topups).\n')).toThrow(
      /example\.mdx:3:6: the link https:\/\/t\.me\/cheap_topups is a messenger channel or invite link, which the site never links to\./,
    );
    expect(() => compile('See [deals](https://topup-deals.example/) now.\n')).toThrow(
      /example\.mdx:1:5: the link https:\/\/topup-deals\.example\/ goes to topup-deals\.example/,
    );
    expect(() => compile('Ask <a href="https://wa.me/923001234567">here</a>.\n')).toThrow(
      /example\.mdx:1:5: the link https:\/\/wa\.me\/923001234567 is a messenger/,
    );
    expect(() => compile('[Jazz](https://jazz.com.pk/?aff=12)\n')).toThrow(/ad or affiliate parameters \(aff\)/);
    // GFM turns a bare URL into a link too.
    expect(() => compile('Cheaper at https://topup-deals.example/x today.\n')).toThrow(
      /example\.mdx:1:12: the link https:\/\/topup-deals\.example\/x goes to/,
    );
  });

  it('leaves tel:, sms: and internal links alone', () => {
    expect(() => compile('[call](tel:*123%23) [text](sms:8558) [home](/en/) [top](#top)\n')).not.toThrow();
  });
});
