import { describe, expect, it } from 'vitest';
import { chooseLocale, htmlLang, isLocale, otherLocales } from '../../src/core/locales';
import { localeOfUrl, localizedPath, splitLocalePath, switchLocale } from '../../src/core/urls';

describe('choosing a language for the / chooser', () => {
  it('an explicit earlier choice wins over the browser', () => {
    expect(chooseLocale('en', ['zh-CN'])).toBe('en');
  });
  it('otherwise the first browser language we have decides', () => {
    expect(chooseLocale(null, ['fr-FR', 'en-US', 'zh-CN'])).toBe('en');
    expect(chooseLocale(null, ['zh-TW'])).toBe('zh');
    expect(chooseLocale(null, ['ZH-hans-CN'])).toBe('zh');
  });
  it('falls back to Chinese, the main audience, and ignores junk in storage', () => {
    expect(chooseLocale('de', ['ur-PK'])).toBe('zh');
    expect(chooseLocale(undefined, [])).toBe('zh');
  });
});

describe('locale helpers', () => {
  it('maps folders to html lang values', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
    expect(isLocale('zh')).toBe(true);
    expect(isLocale('zh-CN')).toBe(false);
    expect(otherLocales('zh')).toEqual(['en']);
  });
});

describe('localized URLs', () => {
  it('builds prefixed paths with a trailing slash', () => {
    expect(localizedPath('zh')).toBe('/zh/');
    expect(localizedPath('en', 'store')).toBe('/en/store/');
    expect(localizedPath('en', '/store/')).toBe('/en/store/');
  });

  it('splits a path into language and slug', () => {
    expect(splitLocalePath('/zh/atm-bank/')).toEqual({ locale: 'zh', slug: 'atm-bank' });
    expect(splitLocalePath('/en/')).toEqual({ locale: 'en', slug: '' });
    expect(splitLocalePath('/favicon.svg')).toEqual({ locale: undefined, slug: 'favicon.svg' });
  });

  it('switching language keeps the page, the query and the step anchor', () => {
    expect(switchLocale('/zh/atm-bank/#step-pay', 'en')).toBe('/en/atm-bank/#step-pay');
    expect(switchLocale('/en/search/?q=jazz#top', 'zh')).toBe('/zh/search/?q=jazz#top');
    expect(switchLocale('/en/', 'zh')).toBe('/zh/');
  });

  it('knows the language of a page URL and refuses one outside the language folders', () => {
    expect(localeOfUrl(new URL('https://x.test/en/store/'))).toBe('en');
    expect(() => localeOfUrl(new URL('https://x.test/404.html'))).toThrow(/not inside a language folder/);
  });
});
