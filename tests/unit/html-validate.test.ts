import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtPages, readBuilt, ROOT } from './helpers/site';

/**
 * Valid HTML: html-validate with its recommended preset (.htmlvalidate.json) on every built page. One rule is
 * adjusted, documented in README "Quality gates": `tel-non-breaking` ignores `a.dial`, the tap-to-dial codes that
 * <Fact> renders, because they always sit in `.fact`, which is `white-space: nowrap` (the rule only asks that a
 * phone number never wraps; writing U+2011 into the number would also put that character on the clipboard).
 */
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('html-validate (recommended preset) on the built site', () => {
  const pages = builtPages();

  it('checks every page', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)('%s has no errors', async (page) => {
    const report = await validator.validateString(
      readBuilt(page),
      `${ROOT}/dist${page.endsWith('/') ? `${page}index.html` : page}`,
    );
    const errors = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`),
    );
    expect(errors).toEqual([]);
  });

  it('the ignored dial links are always inside a .fact, which never wraps', () => {
    for (const page of pages) {
      const html = readBuilt(page);
      const dials = html.match(/class="dial"/g)?.length ?? 0;
      const inFacts = html.match(/<span class="fact" data-fact="[^"]+"><a class="dial"/g)?.length ?? 0;
      expect(inFacts, page).toBe(dials);
    }
  });

  it('the validator does report errors (a page with a few mistakes)', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><a href="tel:0300-1234567">0300-1234567</a><img src="a.png"></body></html>',
      `${ROOT}/dist/x.html`,
    );
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['tel-non-breaking', 'wcag/h37']));
  });
});
