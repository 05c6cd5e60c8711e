import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { useTranslations } from '../../src/i18n';
import { describeKeyProblems, emptyValues, missingKeys } from '../../src/lib/key-parity';

describe('UI strings', () => {
  it('every key exists in both languages, with a value', () => {
    expect(missingKeys({ zh, en })).toEqual({});
    expect(emptyValues({ zh, en })).toEqual({});
  });

  it('a key missing from one language is reported with its file', () => {
    const message = describeKeyProblems({ zh: { a: '甲' }, en: { a: 'A', b: 'B' } }, (l) => `src/i18n/${l}.json`);
    expect(message).toContain('src/i18n/zh.json is missing: b');
  });

  it('an empty value counts as missing', () => {
    expect(describeKeyProblems({ zh: { a: ' ' }, en: { a: 'A' } }, (l) => l)).toContain('zh has empty values for: a');
  });

  it('translates with interpolation and without HTML escaping (Astro escapes)', () => {
    expect(useTranslations('zh')('nav.languageSwitch', { language: 'English' })).toBe('用English阅读本页');
    expect(useTranslations('en')('footer.source.checked', { date: '1 <May>' })).toBe('(checked 1 <May>)');
    expect(useTranslations('zh')('footer.source.checked', { date: '5月1日' })).toBe('（核实于 5月1日）');
  });

  it('Chinese strings use Chinese punctuation, not ASCII commas or full stops between Han characters', () => {
    const bad = Object.entries(zh).filter(
      ([, v]) => /\p{Script=Han}[,.;:!?]\s*\p{Script=Han}/u.test(v) || /\p{Script=Han}[.]$/u.test(v),
    );
    expect(bad).toEqual([]);
  });

  it('Chinese strings never put ASCII punctuation or brackets after a Han character', () => {
    // "最后核实: " or "(核实于 …)" in a component would break this too: punctuation belongs in the strings.
    const bad = Object.entries(zh).filter(([, v]) => /\p{Script=Han}\s*[,;:!?()]|[(]\s*\p{Script=Han}/u.test(v));
    expect(bad).toEqual([]);
  });
});
