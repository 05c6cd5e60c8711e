import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardLines, cardsFor, cardText, fillSegments, splitTemplate } from '../../src/lib/shopkeeper-card';
import { errorKey, readRequest } from '../../src/lib/shopkeeper-request';
import { parsePhrases, PHRASES_FILE } from '../../src/lib/shopkeeper-phrases';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { ROOT } from './helpers/site';

const phrases = parsePhrases(readFileSync(join(ROOT, PHRASES_FILE), 'utf8'));
const values = { number: '03001234567', rupees: 500 };

describe('assembling the shopkeeper cards', () => {
  it('the load card asks, in Urdu and in English, for the amount on the number', () => {
    expect(cardText(phrases, 'load', values)).toEqual({
      ur: ['السلام علیکم', 'براہ کرم اس نمبر پر 500 روپے کا لوڈ کر دیں۔', 'شکریہ', '0300 1234567'],
      en: ['Hello', 'Please put a Rs 500 load on this number.', 'Thank you.', '0300 1234567'],
    });
  });

  it('the bundle card asks for an internet package of that price', () => {
    const text = cardText(phrases, 'bundle', { number: '03451234567', rupees: 1500 });
    expect(text.ur[1]).toBe('براہ کرم اس نمبر پر 1,500 روپے والا انٹرنیٹ پیکج لگا دیں۔');
    expect(text.en[1]).toBe('Please put a Rs 1,500 internet package on this number.');
    expect(text.en.at(-1)).toBe('0345 1234567');
  });

  it('the card for after paying asks to check the SMS and for a receipt', () => {
    expect(cardText(phrases, 'after', values).en).toEqual([
      'Please check that the SMS has come to this number.',
      'Please give me a receipt.',
      'Thank you.',
      '0300 1234567',
    ]);
  });

  it('a request is followed by the card for after paying', () => {
    expect(cardsFor('load')).toEqual(['load', 'after']);
    expect(cardsFor('bundle')).toEqual(['bundle', 'after']);
  });

  it('keeps the slot for the amount separate, so it can be filled in later or left blank', () => {
    const [, request] = cardLines(phrases, 'load', 'ur');
    expect(request).toEqual({
      phrase: 'request-load',
      size: 'main',
      segments: ['براہ کرم اس نمبر پر ', { slot: 'amount' }, ' کا لوڈ کر دیں۔'],
    });
  });

  it('the reader-language explanations fill the same slots (with Chinese amounts in 卢比)', () => {
    const template = zh['shopkeeper.card.load.says'].replace(/\{\{(\w+)\}\}/g, '{$1}');
    const text = fillSegments(splitTemplate(template, ['number', 'amount']), 'zh', values);
    expect(text).toContain('0300 1234567');
    expect(text).toContain('500 卢比');
    expect(text).not.toMatch(/[{}]/);
  });

  it('refuses a template with an unknown placeholder', () => {
    expect(() => splitTemplate('Load {amout}', ['amount'])).toThrow(
      'unknown placeholder {amout}; allowed here: {amount}',
    );
    expect(splitTemplate('{number}', ['number'])).toEqual([{ slot: 'number' }]);
  });
});

describe('reading the form', () => {
  it('gives the values of a card when the number and the amount are good', () => {
    expect(readRequest({ number: '+92 300 1234567', amount: 'Rs 1,000', kind: 'bundle' })).toEqual({
      ok: true,
      kind: 'bundle',
      values: { number: '03001234567', rupees: 1000 },
    });
  });

  it('reports every problem at once, in the order of the fields, and gives no card', () => {
    const result = readRequest({ number: '0300 12345', amount: '5', kind: 'airtime' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'number', code: 'length' },
        { field: 'kind', code: 'choose' },
        { field: 'amount', code: 'small' },
      ],
    });
  });

  it('every error has a message in both languages', () => {
    const codes = {
      number: ['empty', 'chars', 'prefix', 'length'],
      amount: ['empty', 'chars', 'whole', 'small', 'large'],
      kind: ['choose'],
    } as const;
    for (const [field, list] of Object.entries(codes)) {
      for (const code of list) {
        const key = errorKey({ field, code } as Parameters<typeof errorKey>[0]);
        expect(en, key).toHaveProperty([key]);
        expect(zh, key).toHaveProperty([key]);
      }
    }
  });
});
