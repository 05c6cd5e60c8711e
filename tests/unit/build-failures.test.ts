import { describe, expect, it } from 'vitest';
import { buildWith } from './helpers/fixture-build';

// Each case builds a copy of the real site with one mistake and expects the build to stop and say where.
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
    expect(result.output).toMatch(/content\/guides\/en\/store\.mdx:\d+:\d+: <Steps> must contain exactly one ordered list/);
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
    expect(result.output).toMatch(/\/store\/: the language versions disagree on anchor ids: zh lacks #step-keep; en lacks #step-save/);
  });

  it('an id used twice on a page (a heading colliding with the sources list) names the page and the id', () => {
    const result = buildWith((file) => {
      for (const locale of ['zh', 'en']) {
        const page = file(`content/guides/${locale}/store.mdx`);
        page.write(page.read().replace('## Cost and time [#cost-and-time]', '### Sources [#sources]\n\n## Cost and time [#cost-and-time]').replace('## 费用和时间 [#cost-and-time]', '### 来源 [#sources]\n\n## 费用和时间 [#cost-and-time]'));
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
    expect(result.output).toMatch(/\/en\/store\/: \/zh\/store\/ leads from a \/en\/ page into \/zh\/; only the language switcher/);
  });

  it('a fact with an unknown id names the page', () => {
    const result = buildWith((file) => {
      const en = file('content/guides/en/store.mdx');
      en.write(en.read().replace('<Fact id="dirbs-sms" />', '<Fact id="dirbs-smss" />'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/guides\/en\/store\.mdx: <Fact id="dirbs-smss"> does not exist/);
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
    expect(result.output).toMatch(/content\/guides\/(zh|en)\/store\.mdx: a method page missing sections: #cost-and-time/);
  });

  it('a chooser link to a missing guide or anchor names content/data/chooser.yaml and the answer', () => {
    const result = buildWith((file) => {
      const chooser = file('content/data/chooser.yaml');
      chooser.write(
        chooser
          .read()
          .replace('          - { to: operators, anchor: telenor-ufone, label: telenor }', '          - { to: operators, anchor: telenor-merger, label: telenor }')
          .replace('      - id: operator-shop\n        links:\n          - to: store', '      - id: operator-shop\n        links:\n          - to: stores'),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/data\/chooser\.yaml:/);
    expect(result.output).toMatch(/questions\.shop\.answers\.operator-shop\.links\[0\]: "stores" is neither a guide/);
    expect(result.output).toMatch(/questions\.network\.answers\.telenor\.links\[0\]: "#telenor-merger" is not a heading or step id of operators/);
  });
});
