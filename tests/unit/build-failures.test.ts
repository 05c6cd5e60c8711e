import { describe, expect, it } from 'vitest';
import { buildWith } from './helpers/fixture-build';

/**
 * Bad content fails the build, loudly, naming the file and the problem. Each case here builds a copy of the real
 * site with one mistake (about 4 s each). Mistakes whose check is a plain function that the build calls are
 * proven more cheaply, as unit tests of that function, where it is the same code path the build runs (the
 * Markdown plugins in astro.config.ts, the content contract, the post-build steps). The whole set:
 *
 * | mistake                                              | where it is proven                                                 |
 * | ---------------------------------------------------- | ------------------------------------------------------------------ |
 * | frontmatter field of the wrong type / missing        | here: "bad frontmatter…", "a missing required field…"              |
 * | missing translation: a UI string                     | here; tests/unit/i18n.test.ts (the parity check)                   |
 * | missing translation: a guide file                    | here: "a guide without its translation…"                           |
 * | anchor ids that differ between the languages         | here: "anchor ids that differ…"                                    |
 * | an id used twice on a page                           | here; tests/unit/explicit-ids.test.ts (within one file)            |
 * | heading without an explicit id, badly formed id      | tests/unit/explicit-ids.test.ts                                    |
 * | `<Steps>` without one ordered list, step without id  | here: "<Steps> without an ordered list…"; explicit-ids.test.ts      |
 * | unknown component, unknown or missing attribute      | tests/unit/explicit-ids.test.ts ("component use in guides")        |
 * | a link or component inside a heading                 | tests/unit/explicit-ids.test.ts                                    |
 * | a method page without a required section             | here: "a method page without a required section…"                  |
 * | a broken internal link or #anchor, a stray language  | here: "a link to a missing anchor…"; tests/unit/links.test.ts       |
 * | a `<Fact id>` that does not exist                    | here: "a fact with an unknown id…"                                 |
 * | a quoted `<Fact>` that is not text                   | here: "a quoted fact that is not text…"                            |
 * | a fact without a source or a checked date            | here: "a fact without a source, or without its checked date…"      |
 * | a source URL outside the allow-list                  | here: "a source outside the link allow-list…"                      |
 * | an external link in a guide body outside the list    | here: "an external link in a guide body…"; guide-links.test.ts     |
 * | a messenger / promotional link anywhere in content   | here: "a messenger link anywhere in content…"; content-scan.test.ts |
 * | an inline script, handler or style attribute; an     | tests/unit/security.test.ts (src/features/security/build/csp.ts, run by the security   |
 * |   external link without rel="noopener noreferrer"   |   build step on every built page)                                  |
 * | a shipped anchor id removed without an alias         | tests/unit/anchor-history.test.ts                                  |
 * | an operator fact without its UI label                | tests/unit/operator-table.test.ts                                  |
 * | a bad search keyword                                 | tests/unit/search-index.test.ts                                    |
 * | a home chooser link to a missing guide or anchor     | here: "a chooser link to a missing guide…"; chooser.test.ts         |
 * | a bad shopkeeper phrase                              | here: "a data file that breaks its schema…"; shopkeeper-phrases.test.ts |
 * | a data file that is not valid YAML                   | here: "a data file that is not valid YAML…"                       |
 * | `**` or `__` shown as text on a page (unrendered     | here: "emphasis shown as text…"; tests/unit/cjk-emphasis.test.ts    |
 * |   emphasis, e.g. CommonMark after `。` in Chinese)   |                                                                    |
 * | a fact typed into prose; a forbidden claim           | tests/unit/content-contract.test.ts, forbidden-claims.test.ts      |
 *                                                         (tests on the built pages, not build errors)
 */
describe('a content mistake fails the build, naming the file', () => {
  it('bad frontmatter names the file and the field', () => {
    const result = buildWith((file) => {
      const page = file('content/guides/zh/store.mdx');
      page.write(page.read().replace(/^lastChecked: .*$/m, 'lastChecked: someday'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/guides\/zh\/store\.mdx/);
    expect(result.output).toMatch(/lastChecked: Expected type `"date"`/);
  });

  it('a missing required field names the file and the field', () => {
    const result = buildWith((file) => {
      const page = file('content/guides/en/store.mdx');
      page.write(page.read().replace(/^description: .*\n/m, ''));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/guides\/en\/store\.mdx/);
    expect(result.output).toMatch(/description\W/);
  });

  it('<Steps> without an ordered list names the file and line', () => {
    const result = buildWith((file) => {
      const page = file('content/guides/en/store.mdx');
      page.write(page.read().replace('<Steps>\n\n1. [#step-find]', '<Steps>\n\nIntro text.\n\n1. [#step-find]'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /content\/guides\/en\/store\.mdx:\d+:\d+: <Steps> must contain exactly one ordered list/,
    );
  });

  it('a UI string missing from one language names the JSON file and the key', () => {
    const result = buildWith((file) => {
      const zh = file('src/i18n/zh.json');
      const strings = JSON.parse(zh.read()) as Record<string, string>;
      delete strings['nav.skip'];
      zh.write(JSON.stringify(strings));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/src\/i18n\/zh\.json is missing: nav\.skip/);
  });

  it('a guide without its translation names the missing file', () => {
    const result = buildWith((file) => {
      const en = file('content/guides/en/store.mdx');
      file('content/guides/en/store-copy.mdx').write(en.read());
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Missing translations:\s+content\/guides\/zh\/store-copy\.mdx/);
  });

  it('anchor ids that differ between languages name the page and the ids', () => {
    const result = buildWith((file) => {
      const zh = file('content/guides/zh/store.mdx');
      zh.write(zh.read().replace('[#step-keep]', '[#step-save]'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /\/store\/: the language versions disagree on anchor ids: zh lacks #step-keep; en lacks #step-save/,
    );
  });

  it('an id used twice on a page (a heading colliding with the sources list) names the page and the id', () => {
    const result = buildWith((file) => {
      for (const locale of ['zh', 'en']) {
        const page = file(`content/guides/${locale}/store.mdx`);
        page.write(
          page
            .read()
            .replace('## Cost and time [#cost-and-time]', '### Sources [#sources]\n\n## Cost and time [#cost-and-time]')
            .replace('## 费用和时间 [#cost-and-time]', '### 来源 [#sources]\n\n## 费用和时间 [#cost-and-time]'),
        );
      }
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/\/zh\/store\/: id used more than once: #sources/);
    expect(result.output).toMatch(/\/en\/store\/: id used more than once: #sources/);
  });

  it('a link to a missing anchor, or into the other language, names the page and the link', () => {
    const result = buildWith((file) => {
      const en = file('content/guides/en/store.mdx');
      en.write(`${en.read()}\n- See <GuideLink to="store" anchor="step-nope" /> or [the Chinese page](/zh/store/).\n`);
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Broken links:/);
    expect(result.output).toMatch(/\/en\/store\/: \/en\/store\/#step-nope #step-nope is not an id on \/en\/store\//);
    expect(result.output).toMatch(
      /\/en\/store\/: \/zh\/store\/ leads from a \/en\/ page into \/zh\/; only the language switcher/,
    );
  });

  it('a fact with an unknown id names the page', () => {
    const result = buildWith((file) => {
      const en = file('content/guides/en/store.mdx');
      en.write(en.read().replace('<Fact id="dirbs-sms" />', '<Fact id="dirbs-smss" />'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/guides\/en\/store\.mdx: <Fact id="dirbs-smss"> does not exist/);
  });

  it('a quoted fact that is not text (a code, a number) names the file', () => {
    const result = buildWith((file) => {
      const en = file('content/guides/en/store.mdx');
      en.write(en.read().replace('<Fact id="dirbs-sms" />', '<Fact id="dirbs-sms" quoted />'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /content\/guides\/en\/store\.mdx: <Fact id="dirbs-sms" quoted> quotes a text fact only/,
    );
  });

  it('a source outside the link allow-list names the data file', () => {
    const result = buildWith((file) => {
      const sources = file('content/data/sources.yaml');
      sources.write(sources.read().replace('https://jazz.com.pk/faqs\n', 'https://t.me/cheap_topups\n'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/data\/sources\.yaml/);
    expect(result.output).toMatch(/url: this host is not on the allow-list/);
  });

  it('a method page without a required section names the file and the section', () => {
    const result = buildWith((file) => {
      const zh = file('content/guides/zh/store.mdx');
      zh.write(zh.read().replace('## 费用和时间 [#cost-and-time]', '### 费用和时间 [#cost-and-time]'));
      const en = file('content/guides/en/store.mdx');
      en.write(en.read().replace('## Cost and time [#cost-and-time]', '### Cost and time [#cost-and-time]'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /content\/guides\/(zh|en)\/store\.mdx: a method page missing sections: #cost-and-time/,
    );
  });

  it('a fact without a source, or without its checked date, names the data file, the fact and the field', () => {
    const JAZZ_WORLD =
      'value: Jazz World\n  operator: jazz\n  confidence: confirmed\n  checked: 2026-11-26\n  sources: [jazz-faqs]\n';
    const noSource = buildWith((file) => {
      const facts = file('content/data/facts.yaml');
      facts.write(facts.read().replace(JAZZ_WORLD, JAZZ_WORLD.replace('[jazz-faqs]', '[]')));
    });
    expect(noSource.ok).toBe(false);
    expect(noSource.output).toMatch(
      /facts → jazz-world-app data does not match collection schema\.\s+sources: a confirmed or likely fact needs at least one source/,
    );
    expect(noSource.output).toMatch(/content\/data\/facts\.yaml/);
    const noDate = buildWith((file) => {
      const facts = file('content/data/facts.yaml');
      facts.write(facts.read().replace(JAZZ_WORLD, JAZZ_WORLD.replace('  checked: 2026-11-26\n', '')));
    });
    expect(noDate.ok).toBe(false);
    expect(noDate.output).toMatch(/facts → jazz-world-app data does not match collection schema\.\s+checked\W/);
    expect(noDate.output).toMatch(/content\/data\/facts\.yaml/);
  });

  it('an external link in a guide body outside the allow-list names the file, line and link', () => {
    const result = buildWith((file) => {
      const en = file('content/guides/en/store.mdx');
      en.write(
        en
          .read()
          .replace(
            '[#step-pay] Pay in cash and ask for a receipt.',
            '[#step-pay] Pay in cash and ask for a receipt, or pay less at [TopupDeals](https://topup-deals.example/pk).',
          ),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /content\/guides\/en\/store\.mdx:\d+:\d+: the link https:\/\/topup-deals\.example\/pk goes to topup-deals\.example, which is not on the allow-list/,
    );
  });

  it('a messenger link anywhere in content, even as plain text, names each file and line', () => {
    const result = buildWith((file) => {
      const zh = file('content/guides/zh/store.mdx');
      zh.write(
        zh
          .read()
          .replace(
            '## 费用和时间 [#cost-and-time]',
            '加客服微信群或 t.me/cheap_topups 更便宜。\n\n## 费用和时间 [#cost-and-time]',
          ),
      );
      const strings = file('src/i18n/en.json');
      strings.write(
        strings.read().replace('"footer.independent": "', '"footer.independent": "News: https://wa.me/923001234567 · '),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Messenger or promotional links are never allowed:/);
    expect(result.output).toMatch(
      /content\/guides\/zh\/store\.mdx:\d+:\d+: t\.me\/cheap_topups is a messenger channel or invite link/,
    );
    expect(result.output).toMatch(/src\/i18n\/en\.json:\d+:\d+: https:\/\/wa\.me\/923001234567 is a messenger channel/);
  });

  it('emphasis shown as text (no CJK-friendly emphasis, or a UI string written in Markdown) names each page and the words', () => {
    const result = buildWith((file) => {
      const config = file('astro.config.ts');
      config.write(config.read().replace('mdastPlugins: [cjkEmphasis()], ', ''));
      const strings = file('src/i18n/en.json');
      strings.write(strings.read().replace('"home.intro": "How to', '"home.intro": "__Step by step:__ how to'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Unrendered Markdown emphasis \(\*\* or __ shown as text\):/);
    expect(result.output).toMatch(/\/zh\/wechat-alipay\/: "\*\*我们没有找到任何证据/);
    expect(result.output).toMatch(/\/en\/: "__Step by step:__ how to/);
  });

  it('a chooser link to a missing guide or anchor names content/data/chooser.yaml and the answer', () => {
    const result = buildWith((file) => {
      const chooser = file('content/data/chooser.yaml');
      chooser.write(
        chooser
          .read()
          .replace(
            '          - { to: operators, anchor: telenor-ufone, label: telenor }',
            '          - { to: operators, anchor: telenor-merger, label: telenor }',
          )
          .replace(
            '      - id: operator-shop\n        links:\n          - to: store',
            '      - id: operator-shop\n        links:\n          - to: stores',
          ),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/data\/chooser\.yaml:/);
    expect(result.output).toMatch(/questions\.shop\.answers\.operator-shop\.links\[0\]: "stores" is neither a guide/);
    expect(result.output).toMatch(
      /questions\.network\.answers\.telenor\.links\[0\]: "#telenor-merger" is not a heading or step id of operators/,
    );
  });

  it('a data file that breaks its schema names the file and the field', () => {
    const result = buildWith((file) => {
      const phrases = file('content/data/shopkeeper-phrases.yaml');
      phrases.write(
        phrases.read().replace('براہ کرم اس نمبر پر {amount} کا لوڈ کر دیں۔', 'براہ کرم اس نمبر پر کا لوڈ کر دیں۔'),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/data\/shopkeeper-phrases\.yaml/);
    expect(result.output).toMatch(/phrases\.request-load\.ur: must contain \{amount\} exactly once/);
  });

  it('a data file that is not valid YAML names the file and the line', () => {
    const result = buildWith((file) => {
      const chooser = file('content/data/chooser.yaml');
      chooser.write(chooser.read().replace('\nquestions:\n', '\nquestions: [\n'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/data\/chooser\.yaml/);
    expect(result.output).toMatch(/chooser → not valid YAML: .* at line \d+, column \d+/);
  });
});
