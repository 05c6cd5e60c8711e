import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { componentsIn, mergeCited } from '../../src/lib/cited-data';
import {
  citedByOperatorTable,
  displayHost,
  factLabelKey,
  idsInFileOrder,
  missingFactLabels,
  operatorBlocks,
  sortByFileOrder,
  type OperatorData,
} from '../../src/lib/operator-table';
import { buildWith } from './helpers/fixture-build';
import { ROOT } from './helpers/site';

const operator = (id: string, extra: Partial<OperatorData> = {}): OperatorData => ({
  id,
  name: id.toUpperCase(),
  status: 'active',
  confidence: 'confirmed',
  sourceIds: [`${id}-src`],
  ...extra,
});

describe('the operators table data', () => {
  it('gives every operator its own facts, keeping the order of the data', () => {
    const blocks = operatorBlocks(
      [operator('jazz'), operator('zong'), operator('ufone')],
      [
        { id: 'z2', operator: 'zong', sourceIds: [] },
        { id: 'tax', sourceIds: [] },
        { id: 'j1', operator: 'jazz', sourceIds: [] },
        { id: 'z1', operator: 'zong', sourceIds: [] },
      ],
    );
    expect(blocks.map((b) => [b.operator.id, b.factIds])).toEqual([
      ['jazz', ['j1']],
      ['zong', ['z2', 'z1']],
      ['ufone', []],
    ]);
  });

  it('refuses a fact that names an operator the data does not have', () => {
    expect(() => operatorBlocks([operator('jazz')], [{ id: 'x', operator: 'warid', sourceIds: [] }])).toThrow(
      /content\/data\/facts\.yaml: "x" names operator "warid", which is not in content\/data\/operators\.yaml/,
    );
  });

  it('keeps the order the data files are written in, not the alphabetical order of the data store', () => {
    const yaml = '# comment\n- id: jazz\n  name: Jazz\n- id: "zong"\n  name: Zong\n- id: ufone\n';
    expect(idsInFileOrder(yaml)).toEqual(['jazz', 'zong', 'ufone']);
    const sorted = sortByFileOrder([{ id: 'ufone' }, { id: 'jazz' }, { id: 'zong' }], idsInFileOrder(yaml), 'ops.yaml');
    expect(sorted.map((o) => o.id)).toEqual(['jazz', 'zong', 'ufone']);
    expect(() => sortByFileOrder([{ id: 'telenor' }], ['jazz'], 'ops.yaml')).toThrow(
      /ops\.yaml: could not find the line "- id: telenor"/,
    );
  });

  it('names every label a language lacks, with its file', () => {
    const blocks = operatorBlocks([operator('zong')], [{ id: 'zong-helpline', operator: 'zong', sourceIds: [] }]);
    expect(factLabelKey('zong-helpline')).toBe('operators.fact.zong-helpline');
    const message = missingFactLabels(blocks, {
      'src/i18n/en.json': new Set(['operators.fact.zong-helpline']),
      'src/i18n/zh.json': new Set(),
    });
    expect(message).toMatch(/src\/i18n\/zh\.json is missing: operators\.fact\.zong-helpline/);
    expect(message).not.toMatch(/en\.json/);
    expect(
      missingFactLabels(blocks, { 'src/i18n/en.json': new Set(['operators.fact.zong-helpline']) }),
    ).toBeUndefined();
  });

  it('declares the facts it shows and the operators\u2019 own sources, once each', () => {
    const blocks = operatorBlocks(
      [operator('jazz', { sourceIds: ['a', 'b'] }), operator('zong', { sourceIds: ['b', 'c'] })],
      [{ id: 'j1', operator: 'jazz', sourceIds: ['x'] }],
    );
    expect(citedByOperatorTable(blocks)).toEqual({ factIds: ['j1'], sourceIds: ['a', 'b', 'c'] });
  });

  it('shows websites short', () => {
    expect(displayHost('https://www.zong.com.pk/')).toBe('zong.com.pk');
    expect(displayHost('https://jazz.com.pk/recharge/')).toBe('jazz.com.pk/recharge');
  });

  it('has a label in both languages for every fact that names an operator', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const facts = readFileSync(join(ROOT, 'content/data/facts.yaml'), 'utf8');
    const withOperator = [...facts.matchAll(/^- id: (\S+)\n(?:  .*\n)*?  operator: \S+/gm)].map((m) => m[1] ?? '');
    expect(withOperator.length).toBeGreaterThan(5);
    for (const id of withOperator) {
      expect(en, id).toHaveProperty([factLabelKey(id)]);
      expect(zh, id).toHaveProperty([factLabelKey(id)]);
    }
  });
});

describe('what a page cites', () => {
  it('finds the components a guide uses, ignoring code', () => {
    const mdx =
      'Text <Fact id="a" /> and\n\n<OperatorTable />\n\n`<NotThis />` and <Fact id="b"/>, <a href="x">html</a>';
    expect(componentsIn(mdx)).toEqual(['Fact', 'OperatorTable']);
  });

  it('merges what several components cite without repeats', () => {
    expect(
      mergeCited([
        { factIds: ['a'], sourceIds: ['s1'] },
        { factIds: ['a', 'b'], sourceIds: ['s2', 's1'] },
      ]),
    ).toEqual({
      factIds: ['a', 'b'],
      sourceIds: ['s1', 's2'],
    });
  });
});

describe('a mistake in the operators data fails the build', () => {
  it('a fact of an operator without a label names the missing UI string and the file', () => {
    const result = buildWith((file) => {
      const facts = file('content/data/facts.yaml');
      facts.write(
        facts
          .read()
          .replace(
            '# Wallets, banks and services',
            '- id: zong-new-code\n  kind: ussd\n  value: "*1#"\n  operator: zong\n  confidence: unverified\n  checked: 2026-11-26\n  sources: []\n\n# Wallets, banks and services',
          ),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/src\/i18n\/en\.json is missing: operators\.fact\.zong-new-code/);
    expect(result.output).toMatch(/src\/i18n\/zh\.json is missing: operators\.fact\.zong-new-code/);
  });
});
