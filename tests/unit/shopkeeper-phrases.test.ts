import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parsePhrases, PHRASE_IDS, PHRASES_FILE, phraseProblems } from '../../src/lib/shopkeeper-phrases';
import { ROOT } from './helpers/site';

const source = readFileSync(join(ROOT, PHRASES_FILE), 'utf8');

/** The real phrase file with one change, as YAML text. */
function changed(
  mutate: (data: { review: Record<string, unknown>; phrases: Record<string, Record<string, unknown>> }) => void,
): string {
  const data = parse(source);
  mutate(data);
  return stringify(data);
}

describe('the shopkeeper phrase file', () => {
  it('is valid and has every phrase the card uses, in Urdu, English and a literal meaning', () => {
    const data = parsePhrases(source);
    expect(Object.keys(data.phrases).sort()).toEqual([...PHRASE_IDS].sort());
    for (const id of PHRASE_IDS) {
      expect(data.phrases[id].ur, id).toMatch(/\p{Script=Arabic}/u);
      expect(data.phrases[id].en, id).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('says plainly whether a native speaker has reviewed the Urdu', () => {
    expect(['needs-native-review', 'reviewed']).toContain(parsePhrases(source).review.status);
  });

  it('a phrase that lost its {amount} fails, naming the file and the field', () => {
    const bad = changed((d) => {
      d.phrases['request-load']!['ur'] = 'براہ کرم اس نمبر پر لوڈ کر دیں۔';
    });
    expect(() => parsePhrases(bad)).toThrow(
      `${PHRASES_FILE}: the shopkeeper phrases are not valid:\n  phrases.request-load.ur: must contain {amount} exactly once`,
    );
  });

  it('a missing phrase, an unknown one and an empty field are all reported at once', () => {
    const problems = phraseProblems(
      parse(
        changed((d) => {
          delete d.phrases['thanks'];
          d.phrases['thank-you'] = { ur: 'شکریہ', en: 'Thanks', meaning: 'Thanks' };
          d.phrases['greeting']!['meaning'] = ' ';
        }),
      ),
    );
    expect(problems).toEqual([
      'phrases.thank-you: unknown phrase id; the card uses greeting, request-load, request-bundle, after-check, after-receipt, thanks',
      'phrases.greeting.meaning: missing or empty',
      'phrases.thanks: missing',
    ]);
  });

  it('Urdu must use Urdu script with Western digits, and no Latin words', () => {
    const problems = phraseProblems(
      parse(
        changed((d) => {
          d.phrases['after-check']!['ur'] = 'براہ کرم SMS چیک کر لیں۔';
          d.phrases['after-receipt']!['ur'] = 'رسید ۲';
          d.phrases['thanks']!['ur'] = 'Thank you';
        }),
      ),
    );
    expect(problems).toContain(
      'phrases.after-check.ur: contains Latin letters; write the Urdu word (e.g. میسج, not SMS)',
    );
    expect(problems).toContain('phrases.after-receipt.ur: use Western digits 0-9, as Pakistani phones and receipts do');
    expect(problems).toContain('phrases.thanks.ur: must be written in Urdu script');
  });

  it('a placeholder where none belongs, or a misspelt one, fails', () => {
    const problems = phraseProblems(
      parse(
        changed((d) => {
          d.phrases['thanks']!['en'] = 'Thank you for {amount}.';
          d.phrases['request-bundle']!['en'] = 'Please put a {ammount} internet package on this number.';
        }),
      ),
    );
    expect(problems).toContain('phrases.thanks.en: must not contain placeholders (found {amount})');
    expect(problems).toContain('phrases.request-bundle.en: must contain {amount} exactly once (found {ammount})');
  });

  it('a "reviewed" status needs a reviewer and a date', () => {
    const problems = phraseProblems(parse(changed((d) => (d.review['status'] = 'reviewed'))));
    expect(problems).toEqual([
      'review.reviewer: say who reviewed the Urdu',
      'review.date: write the review date as YYYY-MM-DD (in quotes)',
    ]);
  });

  it('broken YAML names the file', () => {
    expect(() => parsePhrases('phrases: [', 'x.yaml')).toThrow(/^x\.yaml: not valid YAML/);
  });
});
