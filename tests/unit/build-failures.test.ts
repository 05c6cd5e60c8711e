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
});
