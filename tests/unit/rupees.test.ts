import { describe, expect, it } from 'vitest';
import { formatRupees, MAX_RUPEES, MIN_RUPEES, parseRupees } from '../../src/features/shopkeeper/rupees';

describe('reading an amount in rupees', () => {
  it.each([
    ['500', 500],
    [' 500 ', 500],
    ['1,000', 1000],
    ['1 000', 1000],
    ['1，000', 1000],
    ['Rs 500', 500],
    ['Rs. 500', 500],
    ['rs500', 500],
    ['PKR 500', 500],
    ['500 rupees', 500],
    ['500 روپے', 500],
    ['500 卢比', 500],
    ['５００', 500],
    ['۵۰۰', 500],
    ['500.00', 500],
    ['0500', 500],
    [String(MIN_RUPEES), MIN_RUPEES],
    [String(MAX_RUPEES), MAX_RUPEES],
  ])('accepts %j as %i', (input, rupees) => {
    expect(parseRupees(input)).toEqual({ ok: true, rupees });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['five hundred', 'chars'],
    ['Rs', 'chars'],
    ['1e3', 'chars'],
    ['500-1000', 'chars'],
    ['500.50', 'whole'],
    ['99.5', 'whole'],
    ['0', 'small'],
    ['-500', 'small'],
    ['5', 'small'],
    [String(MIN_RUPEES - 1), 'small'],
    [String(MAX_RUPEES + 1), 'large'],
    ['50,000', 'large'],
  ] as const)('rejects %j: %s', (input, error) => {
    expect(parseRupees(input)).toEqual({ ok: false, error });
  });

  it('checks a sane range of 10 to 10,000 rupees', () => {
    expect([MIN_RUPEES, MAX_RUPEES]).toEqual([10, 10_000]);
  });
});

describe('writing an amount', () => {
  it('puts Rs before the number in English and روپے after it in Urdu, with Western digits', () => {
    expect(formatRupees(500, 'en')).toBe('Rs 500');
    expect(formatRupees(500, 'ur')).toBe('500 روپے');
    expect(formatRupees(1500, 'en')).toBe('Rs 1,500');
    expect(formatRupees(1500, 'ur')).toBe('1,500 روپے');
  });

  it('writes Chinese the way the glossary does: 500 卢比', () => {
    expect(formatRupees(10000, 'zh')).toBe('10,000 卢比');
  });
});
