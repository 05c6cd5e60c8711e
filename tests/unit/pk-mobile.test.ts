import { describe, expect, it } from 'vitest';
import { asciiDigits, groupThousands } from '../../src/features/shopkeeper/digits';
import { formatPkMobile, parsePkMobile } from '../../src/features/shopkeeper/pk-mobile';

describe('reading a Pakistani mobile number', () => {
  it.each([
    ['03001234567', 'the plain 11 digits'],
    ['0300 1234567', 'grouped as Pakistanis write it'],
    ['0300-1234567', 'with a dash'],
    [' 0300 123 4567 ', 'with extra spaces'],
    ['(0300) 123.45.67', 'with brackets and dots'],
    ['+92 300 1234567', 'in international form'],
    ['+92-300-1234567', 'in international form with dashes'],
    ['+92 0300 1234567', 'with the common slip of keeping the 0 after +92'],
    ['0092 300 1234567', 'with 00 instead of +'],
    ['923001234567', 'with the country code but no + or 00'],
    ['０３００ １２３４５６７', 'typed with full-width digits on a Chinese keyboard'],
    ['＋９２ ３００ １２３４５６７', 'with a full-width plus'],
    ['۰۳۰۰ ۱۲۳۴۵۶۷', 'typed with Urdu digits'],
    ['٠٣٠٠١٢٣٤٥٦٧', 'typed with Arabic-Indic digits'],
    ['\u20660300 1234567\u2069', 'pasted with invisible direction marks'],
    ['0300\u00a01234567', 'with a no-break space'],
  ])('accepts %j (%s) as 03001234567', (input) => {
    expect(parsePkMobile(input)).toEqual({ ok: true, digits: '03001234567' });
  });

  it('keeps the operator code it was given', () => {
    expect(parsePkMobile('0345 7654321')).toEqual({ ok: true, digits: '03457654321' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0300 123456x', 'chars'],
    ['my number', 'chars'],
    ['0300+1234567', 'chars'],
    ['+86 139 1234 5678', 'prefix'],
    ['+44 7700 900123', 'prefix'],
    ['042 1234567', 'prefix'],
    ['3001234567', 'prefix'],
    ['12345678901', 'prefix'],
    ['0300 123456', 'length'],
    ['0300 12345678', 'length'],
    ['+92 300 123456', 'length'],
    ['03', 'length'],
  ] as const)('rejects %j: %s', (input, error) => {
    expect(parsePkMobile(input)).toEqual({ ok: false, error });
  });
});

describe('writing a Pakistani mobile number', () => {
  it('groups the operator code and the subscriber number: 0300 1234567', () => {
    expect(formatPkMobile('03001234567')).toBe('0300 1234567');
  });

  it('refuses anything that was not parsed first', () => {
    expect(() => formatPkMobile('0300 1234567')).toThrow(/parsePkMobile/);
    expect(() => formatPkMobile('04001234567')).toThrow(/starting 03/);
  });
});

describe('digits', () => {
  it('become ASCII whatever keyboard typed them, and other text is kept', () => {
    expect(asciiDigits('٥٠٠ روپے')).toBe('500 روپے');
    expect(asciiDigits('Rs ５００')).toBe('Rs 500');
  });

  it('are grouped in thousands with commas', () => {
    expect(groupThousands(500)).toBe('500');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(10000)).toBe('10,000');
    expect(() => groupThousands(1.5)).toThrow();
  });
});
