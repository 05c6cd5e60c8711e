import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooserProblems,
  chooserStringKeys,
  parseChooser,
  rankMethods,
  readChooser,
  type SiteMap,
} from '../../src/lib/chooser';
import { comparisonStringKeys, parseComparison, readComparison } from '../../src/lib/comparison';
import { factMarkerProblems, factsInText, splitFactText } from '../../src/lib/fact-text';
import { ROOT } from './helpers/site';

const METHODS = ['store', 'convenience-shop', 'online', 'atm-bank', 'esim-app', 'third-party', 'wechat-alipay'];

type GuideInfo = { kind: 'method' | 'reference'; anchors: ReadonlySet<string> };
const site: SiteMap = {
  guides: new Map<string, GuideInfo>([
    ...METHODS.map((slug): [string, GuideInfo] => [
      slug,
      { kind: 'method', anchors: new Set(['steps', 'someone-in-pakistan']) },
    ]),
    ['operators', { kind: 'reference', anchors: new Set(['zong', 'telenor-ufone']) }],
  ]),
  pages: new Set(['show-shopkeeper']),
};

const minimal = (answers: string) => `
no-data:
  - id: shop
    links:
      - to: convenience-shop
questions:
  - id: connection
    answers:
${answers}`;

const everyMethod = METHODS.map((m) => `          - to: ${m}`).join('\n');

describe('the chooser data (src/lib/chooser.ts)', () => {
  it('reads the real content/data/chooser.yaml without problems', () => {
    const chooser = parseChooser(readFileSync(join(ROOT, 'content/data/chooser.yaml'), 'utf8'));
    expect(chooser.noData.map((i) => i.id)).toContain('zong');
    expect(chooser.questions.map((q) => q.id)).toEqual(['connection', 'shop', 'pay', 'sim', 'network']);
  });

  it('names the field of every shape mistake', () => {
    const { problems } = readChooser({
      'no-data': [{ id: 'Shop', links: [] }],
      questions: [
        {
          id: 'guides',
          answers: [
            { id: 'a', links: [{ to: 'store', anchor: '#steps', colour: 'red' }] },
            { id: 'a', links: [{ to: 'store' }], recommend: 'store' },
          ],
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'no-data[0].id: needs an id in lower-case ASCII words joined by hyphens, like "no-data"',
        'questions.guides: the home page already uses the id "guides"; choose another',
        'questions.guides.answers.a.links[0]: unknown field colour; a link has to, anchor and label',
        "questions.guides.answers.a.links[0].anchor: write the id without '#', in lower-case ASCII",
        'questions.guides.answers.a.recommend: needs a list of method slugs, like [store, convenience-shop]',
        'questions.guides: the answer id "a" is used twice',
      ]),
    );
  });

  it('reports an unknown page, an anchor the page lacks, a non-method in recommend, and a method nobody links to', () => {
    const chooser = parseChooser(
      minimal(`      - id: yes
        links:
          - { to: stor }
          - { to: operators, anchor: jazz }
          - { to: show-shopkeeper, anchor: card }
        recommend: [operators]
        exclude: [store]
      - id: no
        links:
          - to: store`),
    );
    const problems = chooserProblems(chooser, site);
    expect(problems).toEqual([
      'questions.connection.answers.yes.links[0]: "stor" is neither a guide (content/guides/<lang>/stor.mdx) nor one of the pages show-shopkeeper',
      'questions.connection.answers.yes.links[1]: "#jazz" is not a heading or step id of operators (in every language)',
      'questions.connection.answers.yes.links[2]: anchors can only point into guides, not into "show-shopkeeper"',
      'questions.connection.answers.yes.recommend: "operators" is not a method guide; methods are store, convenience-shop, online, atm-bank, esim-app, third-party, wechat-alipay',
      'questions: no answer links to convenience-shop, online, atm-bank, esim-app, third-party, wechat-alipay; every method must be reachable without JavaScript',
    ]);
  });

  it('accepts a chooser whose answers reach every method', () => {
    const chooser = parseChooser(
      minimal(
        `      - id: yes\n        links:\n${everyMethod}\n      - id: no\n        links:\n          - { to: third-party, anchor: someone-in-pakistan, label: someone }`,
      ),
    );
    expect(chooserProblems(chooser, site)).toEqual([]);
    expect(chooserStringKeys(chooser)).toEqual([
      'finder.noData.shop.title',
      'finder.noData.shop.text',
      'finder.q.connection',
      'finder.a.connection.yes',
      'finder.a.connection.no',
      'finder.link.someone',
    ]);
  });

  it('fails with the file name on broken YAML', () => {
    expect(() => parseChooser('questions: [', 'content/data/chooser.yaml')).toThrow(
      /^content\/data\/chooser\.yaml: not valid YAML/,
    );
  });
});

describe('ranking the ways for the picked answers', () => {
  const methods = ['store', 'convenience-shop', 'online', 'atm-bank'];

  it('keeps the order and marks nothing best when nothing is picked', () => {
    expect(rankMethods(methods, [])).toEqual(methods.map((method) => ({ method, fit: 'fits' })));
  });

  it('puts the most recommended first, then the rest, then those an answer rules out', () => {
    const ranked = rankMethods(methods, [
      { recommend: ['convenience-shop', 'store'], exclude: ['online', 'atm-bank'] },
      { recommend: ['convenience-shop'], exclude: [] },
    ]);
    expect(ranked).toEqual([
      { method: 'convenience-shop', fit: 'best' },
      { method: 'store', fit: 'fits' },
      { method: 'online', fit: 'no' },
      { method: 'atm-bank', fit: 'no' },
    ]);
  });

  it('marks every method with the top score as best, and none when nothing is recommended', () => {
    expect(
      rankMethods(methods, [{ recommend: ['atm-bank', 'online'], exclude: [] }])
        .filter((r) => r.fit === 'best')
        .map((r) => r.method),
    ).toEqual(['online', 'atm-bank']);
    expect(rankMethods(methods, [{ recommend: [], exclude: ['store'] }]).map((r) => r.fit)).toEqual([
      'fits',
      'fits',
      'fits',
      'no',
    ]);
  });

  it('rules a method out even when another answer recommends it', () => {
    expect(
      rankMethods(methods, [
        { recommend: ['online'], exclude: [] },
        { recommend: [], exclude: ['online'] },
      ]).find((r) => r.method === 'online')?.fit,
    ).toBe('no');
  });
});

describe('the comparison data (src/lib/comparison.ts)', () => {
  it('reads the real content/data/comparison.yaml: one row per method guide', () => {
    const rows = parseComparison(readFileSync(join(ROOT, 'content/data/comparison.yaml'), 'utf8'), METHODS);
    expect(rows.map((r) => r.method).sort()).toEqual([...METHODS].sort());
    expect(comparisonStringKeys(rows)).toContain('compare.no-data.works');
  });

  it('names the method and the column of every mistake, and the methods left out', () => {
    const { problems } = readComparison(
      [
        {
          method: 'store',
          internet: 'no',
          'no-data': 'works',
          account: 'none',
          esim: 'pakistani',
          cost: 'load',
          colour: 'red',
        },
        { method: 'stor', internet: 'none', 'no-data': 'works', account: 'none', esim: 'pakistani' },
        { method: 'store', internet: 'none', 'no-data': 'works', account: 'none', esim: 'pakistani', cost: 'load' },
      ],
      ['store', 'online'],
    );
    expect(problems).toEqual([
      'store: unknown column colour; columns are internet, no-data, account, esim, cost',
      'store.internet: "no" is not allowed; write one of none, needed, travel-esim, helper',
      'stor: "stor" is not a method guide; methods are store, online',
      'stor.cost: missing; write one of load, load-ask, load-bank, load-wallet, checkout, package, repay',
      'store: listed more than once',
      'missing a row for online: every method guide is compared',
    ]);
  });
});

describe('facts placed in UI strings (src/lib/fact-text.ts)', () => {
  it('cuts a string into text and facts', () => {
    expect(splitFactText('Dial {fact:zong-request-balance}. Fee: {fact:zong-share-fee:dated}')).toEqual([
      'Dial ',
      { fact: 'zong-request-balance', dated: false },
      '. Fee: ',
      { fact: 'zong-share-fee', dated: true },
    ]);
    expect(factsInText('{fact:a} and {fact:b:dated} and {fact:a}')).toEqual(['a', 'b']);
  });

  it('reports a language that shows other facts, and a malformed marker, naming the files', () => {
    expect(
      factMarkerProblems('k', {
        'en.json': 'Dial {fact:zong-request-balance}.',
        'zh.json': '拨打 {fact: zong-request-balance}。',
      }),
    ).toEqual([
      'zh.json: "k" has a malformed fact marker {fact: zong-request-balance}; write {fact:<id>} or {fact:<id>:dated}',
      '"k" shows different facts per language: en.json [zong-request-balance], zh.json [none]',
    ]);
    expect(factMarkerProblems('k', { 'en.json': 'Dial {fact:x}.', 'zh.json': '拨打 {fact:x}。' })).toEqual([]);
  });
});
