import { beforeAll, describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import Tip from '../../src/components/Tip.astro';
import Warning from '../../src/components/Warning.astro';
import LanguageSwitcher from '../../src/components/LanguageSwitcher.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const on = (path: string) => ({ request: new Request(`https://example.test${path}`) });

describe('<Warning>', () => {
  it('announces a visually hidden label in the page language, hides the icon, and is no landmark', async () => {
    const zh = await container.renderToString(Warning, {
      ...on('/zh/store/'),
      slots: { default: '<p>先核对号码。</p>' },
    });
    expect(zh).toMatch(/<span class="warning-icon" aria-hidden="true"[^>]*><\/span>/);
    expect(zh).toMatch(/<span class="visually-hidden">注意：<\/span>\s+<p>先核对号码。<\/p>/);
    expect(zh).not.toMatch(/role=|<aside|<section/);
    const en = await container.renderToString(Warning, { ...on('/en/store/'), slots: { default: '<p>Check.</p>' } });
    expect(en).toMatch(/<span class="visually-hidden">Warning:<\/span>\s+<p>Check\.<\/p>/);
  });

  it('reads as label then text, with no icon character in the page text', async () => {
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const zh = await container.renderToString(Warning, {
      ...on('/zh/store/'),
      slots: { default: '<p>先核对号码。</p>' },
    });
    expect(text(zh)).toBe('注意： 先核对号码。');
    const en = await container.renderToString(Warning, { ...on('/en/store/'), slots: { default: '<p>Check.</p>' } });
    expect(text(en)).toBe('Warning: Check.');
  });
});

describe('<Tip>', () => {
  it('shows a visible "Tip" label when it has no title', async () => {
    const html = await container.renderToString(Tip, { ...on('/zh/store/'), slots: { default: '<p>早点充。</p>' } });
    expect(html).toMatch(/<p class="callout-title"[^>]*>\s*提示\s*<\/p>/);
    expect(html).not.toMatch(/role=|<aside/);
  });

  it('with a title, keeps the label for screen readers only', async () => {
    const html = await container.renderToString(Tip, {
      ...on('/en/store/'),
      props: { title: 'Jazz eSIM' },
      slots: { default: 'x' },
    });
    expect(html).toMatch(/<span class="visually-hidden">Tip:<\/span> Jazz eSIM/);
    const zh = await container.renderToString(Tip, {
      ...on('/zh/store/'),
      props: { title: 'Jazz 的 eSIM' },
      slots: { default: 'x' },
    });
    expect(zh).toMatch(/<span class="visually-hidden">提示：<\/span> Jazz 的 eSIM/);
  });

  it('rejects an empty title', async () => {
    await expect(container.renderToString(Tip, { ...on('/en/store/'), props: { title: ' ' } })).rejects.toThrow(
      /must not be empty/,
    );
  });
});

describe('<LanguageSwitcher>', () => {
  it('links to the same page in the other language, marked with its language', async () => {
    const html = await container.renderToString(LanguageSwitcher, { props: { locale: 'zh', slug: 'atm-bank' } });
    expect(html).toMatch(
      /<a href="\/en\/atm-bank\/" hreflang="en" lang="en" data-switch-locale="en"[^>]*>English<\/a>/,
    );
  });
});
