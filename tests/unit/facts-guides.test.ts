import { describe, expect, it } from 'vitest';
import { formatDate, isoDay } from '../../src/lib/dates';
import { isAllowedExternalUrl } from '../../src/lib/external-links';
import { dialHref, factIdsIn, formatFactValue, isDialable, mergeSourceIds } from '../../src/lib/facts';
import { assertTranslated, missingTranslations, parseGuideId } from '../../src/lib/guides';

describe('facts as the reader sees them', () => {
  it('dial links encode # as %23 so the whole USSD code reaches the dialler', () => {
    expect(dialHref('ussd', '*829#')).toBe('tel:*829%23');
    expect(dialHref('phone', '0800-55055')).toBe('tel:080055055');
    expect(dialHref('sms', '8484')).toBe('sms:8484');
    expect(isDialable('ussd')).toBe(true);
    expect(isDialable('app')).toBe(false);
  });

  it('writes amounts the way each language does', () => {
    expect(formatFactValue('amount', '5000', 'en')).toBe('Rs 5,000');
    expect(formatFactValue('amount', '5000', 'zh')).toBe('5,000 卢比');
    expect(formatFactValue('amount', '86.96', 'en')).toBe('Rs 86.96');
    expect(formatFactValue('amount', '10-200', 'en')).toBe('Rs 10–200');
    expect(formatFactValue('amount', '0', 'zh')).toBe('免费');
    expect(() => formatFactValue('amount', 'Rs 5', 'en')).toThrow(/must be digits/);
  });

  it('writes percentages, durations and dates', () => {
    expect(formatFactValue('percent', '15', 'zh')).toBe('15%');
    expect(formatFactValue('duration', '180', 'zh')).toBe('180 天');
    expect(formatFactValue('duration', '180', 'en')).toBe('180 days');
    expect(formatFactValue('date', '2022-01-16', 'en')).toBe('16 January 2022');
    expect(formatFactValue('date', '2022-01-16', 'zh')).toBe('2022年1月16日');
  });

  it('finds the facts a guide uses, once each, in order', () => {
    expect(factIdsIn('A <Fact id="b" /> and <Fact id="a"/> and <Fact id=\'b\' />')).toEqual(['b', 'a']);
  });

  it('lists page sources first, then fact sources, without repeats', () => {
    expect(mergeSourceIds(['p1', 'p2'], [['f1', 'p1'], ['f2']])).toEqual(['p1', 'p2', 'f1', 'f2']);
  });
});

describe('dates', () => {
  it('never shifts the calendar day with the time zone', () => {
    const day = new Date('2026-11-26T00:00:00Z');
    expect(isoDay(day)).toBe('2026-11-26');
    expect(formatDate(day, 'en')).toBe('26 November 2026');
    expect(formatDate(day, 'zh')).toBe('2026年11月26日');
  });
});

describe('guide files', () => {
  it('reads language and slug from the collection id', () => {
    expect(parseGuideId('zh/atm-bank')).toEqual({ locale: 'zh', slug: 'atm-bank' });
    expect(() => parseGuideId('fr/store')).toThrow(/content\/guides\/fr\/store\.mdx: guides must be at/);
    expect(() => parseGuideId('en/Store_Page')).toThrow(/lower-case ASCII/);
  });

  it('names the file a missing translation should be', () => {
    expect(missingTranslations(['zh/store', 'en/store', 'en/online'])).toEqual(['content/guides/zh/online.mdx']);
    expect(() => assertTranslated(['zh/a'])).toThrow(/content\/guides\/en\/a\.mdx/);
    expect(() => assertTranslated(['zh/a', 'en/a'])).not.toThrow();
  });
});

describe('external link allow-list', () => {
  it('allows operators, regulators and cited sources, including subdomains', () => {
    expect(isAllowedExternalUrl('https://jazz.com.pk/recharge/')).toBe(true);
    expect(isAllowedExternalUrl('https://dirbs.pta.gov.pk/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.zong.com.pk/ud/postpaid/faqs/')).toBe(true);
  });

  it('refuses messenger channels, look-alike hosts and other schemes', () => {
    expect(isAllowedExternalUrl('https://t.me/topup_agent')).toBe(false);
    expect(isAllowedExternalUrl('https://wa.me/923001234567')).toBe(false);
    expect(isAllowedExternalUrl('https://jazz.com.pk.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://notjazz.com.pk/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});

describe('method page sections', () => {
  it('accepts the required sections in order, with other sections between them', async () => {
    const { sectionProblems, METHOD_SECTIONS } = await import('../../src/lib/sections');
    expect(sectionProblems([...METHOD_SECTIONS])).toEqual([]);
    expect(sectionProblems(['who-it-suits', 'extra', ...METHOD_SECTIONS.slice(1)])).toEqual([]);
  });

  it('names missing sections and wrong order', async () => {
    const { sectionProblems, METHOD_SECTIONS } = await import('../../src/lib/sections');
    expect(sectionProblems(METHOD_SECTIONS.filter((s) => s !== 'if-it-fails'))).toEqual([
      'missing sections: #if-it-fails',
    ]);
    expect(sectionProblems([...METHOD_SECTIONS].reverse())[0]).toMatch(/out of order/);
  });
});
