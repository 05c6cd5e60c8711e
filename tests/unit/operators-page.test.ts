import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { decodeEntities, mainContent } from '../../src/core/html';
import { useTranslations } from '../../src/i18n';
import { readBuilt, ROOT } from './helpers/site';

// The operators page, as built: the OperatorTable must show the data of content/data, identically in both
// languages, with every citation pointing into the page's own source list.

interface OperatorYaml {
  id: string;
  name: string;
  status: string;
  website?: string;
  confidence: string;
  sources: string[];
}
interface FactYaml {
  id: string;
  kind: string;
  value: string;
  operator?: string;
  confidence: string;
  sources: string[];
  ask?: string;
}

const data = <T>(file: string): T[] => parse(readFileSync(join(ROOT, 'content/data', file), 'utf8')) as T[];
const operators = data<OperatorYaml>('operators.yaml');
const operatorFactsAll = data<FactYaml>('facts.yaml');
const operatorFacts = operatorFactsAll.filter((f) => f.operator);
const strings = { en, zh } as const;
const locales = ['zh', 'en'] as const;

const page = (locale: string) => readBuilt(`/${locale}/operators/`);

function table(html: string): string {
  const start = html.indexOf('<div class="operator-table">');
  const end = html.indexOf('<h2', start);
  expect(start, 'the page has an operator table').toBeGreaterThan(0);
  return html.slice(start, end);
}

/** Each operator card's markup, by operator id. */
function cards(html: string): Map<string, string> {
  const parts = table(html)
    .split(/(?=<div class="operator" data-operator=")/)
    .slice(1);
  return new Map(parts.map((part) => [/data-operator="([^"]+)"/.exec(part)?.[1] ?? '', part]));
}

/** The markup of one fact: `<span class="fact" data-fact="id">…</span>` (facts hold no nested `.fact`). */
function factMarkup(html: string, id: string): string {
  const start = html.indexOf(`<span class="fact" data-fact="${id}"`);
  if (start < 0) return '';
  const next = html.indexOf('</dd>', start);
  return html.slice(start, next);
}

const text = (html: string) =>
  decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
/** The copy button (JS only, hidden and not indexed) says "Copy"/"复制": not part of the value. Nor are a USSD code's
 *  iPhone-only copy (the same code as plain text) and its hint, shown instead of the link on iOS (UssdCode.astro). */
const withoutCopyButtons = (html: string) =>
  html
    .replace(/<button type="button" class="fact-copy"[\s\S]*?<\/button>/g, '')
    .replace(/<code class="ussd-code"[^>]*>[^<]*<\/code>|<span class="ussd-hint"[^>]*>[^<]*<\/span>/g, '');
/** The day a price was checked follows it, in the page's language. */
const withoutDates = (html: string) => html.replace(/<span class="fact-checked">.*?<\/span>/g, '');
const value = (fact: string) =>
  text(
    withoutDates(withoutCopyButtons(fact))
      .replace(/<sup class="cite"[^>]*>[\s\S]*?<\/sup>/g, '')
      .replace(/<span class="confidence[\s\S]*?<\/span>/g, ''),
  );

describe('the operators page', () => {
  it.each(locales)(
    '/%s/operators/ lists every operator of the data, in its order, each under its own heading ("Zong at a glance")',
    (locale) => {
      const html = page(locale);
      expect([...cards(html).keys()]).toEqual(operators.map((o) => o.id));
      for (const operator of operators) {
        const heading = useTranslations(locale)('operators.heading', { name: operator.name });
        expect(heading).toContain(operator.name);
        expect(html).toContain(`<h3 id="${operator.id}"><a href="#${operator.id}">${heading}</a></h3>`);
      }
    },
  );

  it.each(locales)(
    '/%s/operators/ shows each operator’s facts in the order of facts.yaml, not the data store’s order',
    (locale) => {
      const byOperator = cards(page(locale));
      for (const operator of operators) {
        // The table's rows: a fact right at the start of its <dd> (a fact inside the status sentence is not a row).
        const rows = (byOperator.get(operator.id) ?? '').matchAll(/<dd><span class="fact" data-fact="([^"]+)"/g);
        const shown = [...rows].map((m) => m[1]);
        expect(shown, operator.id).toEqual(operatorFacts.filter((f) => f.operator === operator.id).map((f) => f.id));
      }
    },
  );

  it.each(locales)(
    '/%s/operators/ shows every fact that names an operator in that operator’s card, with a label',
    (locale) => {
      const byOperator = cards(page(locale));
      for (const fact of operatorFacts) {
        const card = byOperator.get(fact.operator!) ?? '';
        expect(card, fact.id).toContain(`data-fact="${fact.id}"`);
        const label = decodeEntities(
          new RegExp(`<dt>([^<]*)</dt>\\s*<dd><span class="fact" data-fact="${fact.id}"`).exec(card)?.[1] ?? '',
        );
        expect(label, fact.id).toBe(strings[locale][`operators.fact.${fact.id}` as keyof typeof en]);
      }
      for (const operator of operators.filter((o) => o.website)) {
        expect(byOperator.get(operator.id), operator.id).toMatch(
          new RegExp(`<dd data-website><a href="${operator.website}"`),
        );
      }
    },
  );

  it('shows the same facts, values and links in both languages', () => {
    const facts = (locale: string) => [...table(page(locale)).matchAll(/data-fact="([^"]+)"/g)].map((m) => m[1]);
    expect(facts('zh')).toEqual(facts('en'));
    const links = (locale: string) =>
      [...table(page(locale)).matchAll(/href="((?:tel|sms|https?):[^"]+)"/g)].map((m) => m[1]);
    expect(links('zh')).toEqual(links('en'));
    for (const fact of operatorFacts) {
      const zhValue = value(factMarkup(table(page('zh')), fact.id));
      const enValue = value(factMarkup(table(page('en')), fact.id));
      if (fact.kind === 'amount' || fact.kind === 'fee')
        expect(zhValue.replace(/[^\d.–]/g, ''), fact.id).toBe(enValue.replace(/[^\d.–]/g, ''));
      else expect(zhValue, fact.id).toBe(enValue);
      if (['ussd', 'phone', 'sms', 'app', 'text', 'url', 'code-pattern'].includes(fact.kind))
        expect(enValue, fact.id).toBe(fact.value);
    }
  });

  it.each(locales)('/%s/operators/ marks every fact that is not confirmed, and only those', (locale) => {
    const html = table(page(locale));
    for (const fact of operatorFacts) {
      const markup = factMarkup(html, fact.id);
      if (fact.confidence === 'confirmed') {
        expect(markup, fact.id).not.toContain('class="confidence');
      } else {
        const party = strings[locale][`fact.party.${fact.ask ?? 'operator'}` as keyof typeof en];
        const marker = strings[locale][fact.confidence === 'likely' ? 'fact.likely' : 'fact.unverified'].replace(
          '{{party}}',
          party,
        );
        expect(markup, fact.id).toContain(`<span class="confidence confidence-${fact.confidence}"> ${marker}</span>`);
      }
    }
  });

  it.each(locales)(
    '/%s/operators/ cites each fact’s own sources, by their number in the page’s source list',
    (locale) => {
      const html = page(locale);
      const listed = [...html.matchAll(/<li id="source-([a-z0-9-]+)">/g)].map((m) => m[1]);
      const cited = (markup: string) =>
        [...markup.matchAll(/<a href="#source-([a-z0-9-]+)" aria-label="[^"]*?(\d+)">\[(\d+)\]<\/a>/g)].map(
          ([, id, label, shown]) => {
            expect(label, id).toBe(shown);
            expect(listed.indexOf(id!) + 1, `${id} is number ${shown} in the source list`).toBe(Number(shown));
            return id;
          },
        );
      for (const fact of operatorFacts) expect(cited(factMarkup(table(html), fact.id)), fact.id).toEqual(fact.sources);
      const byOperator = cards(html);
      for (const operator of operators) {
        const card = byOperator.get(operator.id) ?? '';
        const status = /<dt>[^<]*<\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(card)?.[1] ?? '';
        // A merging operator's status first gives the date it was reported, citing that report; then the
        // operator's sources, each source once ("[5] [3] [4] [5]" read as a mistake).
        const dated = [...status.matchAll(/data-fact="([^"]+)"/g)].flatMap(
          (m) => operatorFactsAll.find((f) => f.id === m[1])?.sources ?? [],
        );
        expect(cited(status), operator.id).toEqual([...dated, ...operator.sources.filter((s) => !dated.includes(s))]);
        expect(dated.length > 0, operator.id).toBe(operator.status === 'merging');
      }
      expect(cited(table(html)).length).toBeGreaterThan(operatorFacts.length);
    },
  );

  it.each(locales)(
    '/%s/operators/ warns in Telenor’s card that its channels may change with the merger into Ufone',
    (locale) => {
      const telenor = cards(page(locale)).get('telenor') ?? '';
      expect(telenor).toMatch(/<div class="warning">[\s\S]*?<p>([^<]+)<\/p>/);
      expect(decodeEntities(/<div class="warning">[\s\S]*?<p>([^<]+)<\/p>/.exec(telenor)?.[1] ?? '')).toBe(
        strings[locale]['operators.merging'],
      );
      const status = text(
        /<dt>[^<]*<\/dt>\s*<dd>([\s\S]*?)<\/dd>/
          .exec(telenor)?.[1]
          ?.replace(/<sup class="cite"[^>]*>[\s\S]*?<\/sup>/g, '') ?? '',
      );
      const squeeze = (words: string) => (locale === 'zh' ? words.replace(/\s+/g, '') : words);
      expect(squeeze(status)).toBe(
        squeeze(
          strings[locale]['operators.status.merging'].replace(
            '{fact:telenor-merger-reported}',
            locale === 'en' ? 'February 2026' : '2026年2月',
          ),
        ),
      );
      for (const id of ['jazz', 'zong', 'ufone']) expect(cards(page(locale)).get(id)).not.toContain('class="warning"');
    },
  );

  it.each(locales)(
    '/%s/operators/ keeps label, value and citation apart as words, so search never sees them merged',
    (locale) => {
      // Citations sit right after their value on purpose ("310[3]"); the decorative icon of <Warning> is not ours.
      const markup = withoutDates(withoutCopyButtons(table(page(locale))))
        .replace(/<sup class="cite"[^>]*>[\s\S]*?<\/sup>/g, '')
        .replace(/<span class="warning-icon"[^>]*>[^<]*<\/span>/g, '');
      const joined = decodeEntities(markup.replace(/<[^>]+>/g, ''))
        .split(/\s+/)
        .filter(Boolean);
      const spaced = decodeEntities(markup.replace(/<[^>]+>/g, ' '))
        .split(/\s+/)
        .filter(Boolean);
      expect(joined).toEqual(spaced);
    },
  );

  it('its main text has no link outside the guide except operators’ own sites and PTA', () => {
    for (const locale of locales) {
      const body = mainContent(page(locale)).replace(/<footer class="page-sources">[\s\S]*?<\/footer>/, '');
      const external = [...body.matchAll(/href="(https?:[^"]+)"/g)].map((m) => new URL(m[1]!).hostname);
      for (const host of external) expect(host, locale).toMatch(/(^|\.)(jazz\.com\.pk|zong\.com\.pk|pta\.gov\.pk)$/);
    }
  });
});
