import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { decodeEntities } from '../../src/core/html';
import { builtPages, readBuilt, ROOT } from './helpers/site';

/**
 * One Chinese term per thing (content/glossary.md): its table "不用的说法 · Variants we do not use" lists the words
 * the Chinese text never uses (a `/…/` entry is a regular expression) and the term to use instead. Checked on the
 * visible text of every built Chinese page and on every UI string of src/i18n/zh.json. Search keywords in a
 * guide's frontmatter are attributes, not text, so they may keep the variants readers type.
 */
const glossary = readFileSync(join(ROOT, 'content/glossary.md'), 'utf8');

interface Variant {
  written: string;
  pattern: RegExp;
  use: string;
}

function variants(markdown: string): Variant[] {
  const section = /## 不用的说法[^\n]*\n([\s\S]*?)(?=\n## |\nApp and menu labels|$)/.exec(markdown)?.[1] ?? '';
  return [...section.matchAll(/^\| (.+?) \| (.+?) \| .*\|$/gm)]
    .map((m) => ({ written: m[1]!.trim(), use: m[2]!.trim() }))
    .filter((row) => row.written !== '不用' && !/^-+$/.test(row.written))
    .map((row) => {
      const regex = /^\/(.+)\/$/.exec(row.written)?.[1];
      return { ...row, pattern: new RegExp(regex ?? row.written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') };
    });
}

/** The visible text of a page: no scripts, styles, templates or attributes (search keywords live in one). */
function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<head\b[\s\S]*?<\/head>/i, (head) => /<title>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? '')
      .replace(/<[^>]+>/g, ''),
  );
}

function found(text: string, list: readonly Variant[]): string[] {
  return list.flatMap((v) =>
    [...text.matchAll(v.pattern)].map(
      (m) => `${v.written} → ${v.use}: “${text.slice(Math.max(0, m.index - 12), m.index + 14).replace(/\s+/g, ' ')}”`,
    ),
  );
}

const list = variants(glossary);
const zhPages = builtPages().filter((page) => page.startsWith('/zh/'));

describe('the glossary (content/glossary.md)', () => {
  it('records the terms the guide settles on, and the variants it does not use', () => {
    const main = /\| English \| 中文 \| notes \|([\s\S]*?)\n\n/.exec(glossary)?.[1] ?? '';
    for (const term of ['实体 SIM 卡', '营业厅', '客服热线', '续费', '登记手机', '手机钱包', '移动数据', '免手续费'])
      expect(main, term).toContain(term);
    expect(list.map((v) => v.written)).toEqual(expect.arrayContaining(['客服电话', '实体卡', '门店', '电子钱包']));
  });

  it('its variant patterns catch what they must and leave other words alone', () => {
    const hits = (text: string) => found(text, list).length;
    expect(hits('旅行 eSIM 只能在哪里买的就在哪里续。')).toBe(1);
    expect(hits('打 Zong 客服电话。')).toBe(1);
    expect(hits('SIM 卡被停了。')).toBe(1);
    expect(hits('在手机上注册。')).toBe(1);
    expect(hits('刮刮卡也行。')).toBe(1);
    for (const fine of [
      '继续付款',
      '连续 180 天',
      '手续费 5 卢比',
      '在 App 里续费',
      '续签之后',
      'SIM 卡被停用',
      '充值卡（刮刮卡）',
      '实体 SIM 卡',
      '客服热线',
      '登记手机',
    ]) {
      expect(hits(fine), fine).toBe(0);
    }
  });
});

describe('one Chinese term per thing', () => {
  it('checks every Chinese page', () => {
    expect(zhPages.length).toBeGreaterThan(10);
  });

  it.each(zhPages)('%s uses the glossary’s terms', (page) => {
    expect(found(visibleText(readBuilt(page)), list)).toEqual([]);
  });

  it('every UI string in src/i18n/zh.json uses the glossary’s terms', () => {
    const problems = Object.entries(zh as Record<string, string>).flatMap(([key, value]) =>
      found(value, list).map((f) => `${key}: ${f}`),
    );
    expect(problems).toEqual([]);
  });
});

/**
 * English text uses one apostrophe, the typographic ’: Markdown turns a guide's ' into it, so a UI string, a
 * frontmatter title or description, or a component attribute written with ' would show both on one page.
 */
describe('one apostrophe in English', () => {
  const enPages = builtPages().filter((page) => page.startsWith('/en/') || page === '/');
  const straight = (text: string) => [...text.matchAll(/\p{L}'\p{L}/gu)].map((m) => m[0]);

  it.each(enPages)('%s shows ’, never a straight apostrophe', (page) => {
    expect(straight(visibleText(readBuilt(page)))).toEqual([]);
  });

  it('every UI string in src/i18n/en.json writes ’', () => {
    const problems = Object.entries(en as Record<string, string>).flatMap(([key, value]) =>
      straight(value).map((s) => `${key}: ${s}`),
    );
    expect(problems).toEqual([]);
  });
});
