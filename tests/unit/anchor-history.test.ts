import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  aliasTarget,
  anchorHistoryProblems,
  builtAnchorIds,
  parseAnchorAliases,
  parseShippedAnchors,
  recordShipped,
} from '../../src/lib/anchor-history';
import { buildWith } from './helpers/fixture-build';
import { serveStatic } from './helpers/static-server';
import { builtPages, readBuilt, ROOT } from './helpers/site';

describe('shipped anchor ids and their aliases (src/lib/anchor-history.ts)', () => {
  const built = { store: ['steps', 'step-pay', 'step-keep'], '': ['guides'] };

  it('are fine while every shipped id is still there', () => {
    expect(anchorHistoryProblems(built, { store: ['steps', 'step-pay'], '': ['guides'] }, {})).toEqual([]);
  });

  it('name the page and the id when a shipped id is gone without an alias, and accept it with one', () => {
    const shipped = { store: ['steps', 'step-pay-cash'] };
    expect(anchorHistoryProblems(built, shipped, {}).join('\n')).toMatch(
      /^\/store\/: the shipped id #step-pay-cash is gone.*\n\s+store:\n\s+step-pay-cash: <new-id>$/,
    );
    expect(anchorHistoryProblems(built, shipped, { store: { 'step-pay-cash': 'step-pay' } })).toEqual([]);
  });

  it('reject an alias that leads nowhere, hides a current id, or names an unknown page', () => {
    expect(
      anchorHistoryProblems(built, {}, { store: { 'step-old': 'step-gone', 'step-keep': 'steps' }, atm: { a: 'b' } }),
    ).toEqual([
      'content/data/anchor-aliases.yaml: /store/ has no #step-gone, so the alias from #step-old leads nowhere: point it at a current id',
      'content/data/anchor-aliases.yaml: /store/ has #step-keep again, so its alias to #steps would hide it: remove the alias',
      'content/data/anchor-aliases.yaml: /atm/ is not a page of the site',
    ]);
  });

  it('report a shipped page that is no longer built', () => {
    expect(anchorHistoryProblems(built, { 'atm-bank': ['steps'] }, {})[0]).toMatch(
      /^\/atm-bank\/: this page was shipped but is no longer built/,
    );
  });

  it('validate the files, naming file, page and id', () => {
    expect(parseAnchorAliases(null)).toEqual({});
    expect(parseAnchorAliases({ store: { 'step-a': 'step-b' } })).toEqual({ store: { 'step-a': 'step-b' } });
    expect(() => parseAnchorAliases({ Store: {} })).toThrow(/anchor-aliases\.yaml: "Store" is not a page slug/);
    expect(() => parseAnchorAliases({ store: { 'step-a': 'Step B' } })).toThrow(
      /anchor-aliases\.yaml: store\.step-a: the new id must be an anchor id/,
    );
    expect(() => parseAnchorAliases({ store: { 'step-a': 'step-a' } })).toThrow(/must lead to a different id/);
    expect(() => parseShippedAnchors({ store: ['ok', 'Not ok'] })).toThrow(
      /shipped-anchors\.json: "store" must list anchor ids/,
    );
  });

  it('only ever grow when a release is recorded', () => {
    expect(recordShipped({ store: ['step-old', 'steps'] }, { store: ['steps', 'step-new'], tips: ['a'] })).toEqual({
      store: ['step-old', 'steps', 'step-new'],
      tips: ['a'],
    });
  });

  it('take the ids of a build per page, keeping only those every language has', () => {
    const pages = new Map([
      [
        '/zh/store/',
        '<main><h2 id="steps"><a href="#steps">步骤</a></h2><li id="step-pay">x</li><li id="source-a">s</li></main>',
      ],
      [
        '/en/store/',
        '<main><h2 id="steps"><a href="#steps">Steps</a></h2><li id="step-pay">x</li><h3 id="extra">e</h3></main>',
      ],
      ['/zh/', '<main><h2 id="guides">g</h2></main>'],
      ['/en/', '<main><h2 id="guides">g</h2></main>'],
      ['/404.html', '<main><h1 id="not-found-zh">x</h1></main>'],
    ]);
    expect(builtAnchorIds(pages)).toEqual({ '': ['guides'], store: ['steps', 'step-pay'] });
  });

  it('in the browser, move an old #hash to its new id only when the page lacks the old one and has the new', () => {
    const page = new Set(['step-pay', 'steps']);
    const exists = (id: string) => page.has(id);
    const aliases = { 'step-pay-cash': 'step-pay', 'step-old': 'step-gone' };
    expect(aliasTarget('#step-pay-cash', aliases, exists)).toBe('step-pay');
    expect(aliasTarget('#step-pay', aliases, exists)).toBeUndefined();
    expect(aliasTarget('#step-old', aliases, exists)).toBeUndefined();
    expect(aliasTarget('#constructor', aliases, exists)).toBeUndefined();
    expect(aliasTarget('', aliases, exists)).toBeUndefined();
    expect(aliasTarget('#%E0%A4%A', aliases, exists)).toBeUndefined();
  });
});

describe('the committed anchor history', () => {
  it('lists the ids of every page in both languages of the current build, or the build would have failed', () => {
    const shipped = parseShippedAnchors(
      JSON.parse(readFileSync(join(ROOT, 'content/data/shipped-anchors.json'), 'utf8')),
    );
    const aliases = parseAnchorAliases(parse(readFileSync(join(ROOT, 'content/data/anchor-aliases.yaml'), 'utf8')));
    const built = builtAnchorIds(new Map(builtPages().map((page) => [page, readBuilt(page)])));
    expect(Object.keys(shipped)).toContain('store');
    expect(anchorHistoryProblems(built, shipped, aliases)).toEqual([]);
  });
});

/** Rename a step id in both languages of the store guide. */
const renameStep = (
  file: (path: string) => { read: () => string; write: (text: string) => void },
  from: string,
  to: string,
) => {
  for (const locale of ['zh', 'en']) {
    const page = file(`content/guides/${locale}/store.mdx`);
    page.write(page.read().replace(`[#${from}]`, `[#${to}]`));
  }
};

describe('changing a shipped id', () => {
  it('without an alias fails the build, naming the page and the id; a wrong alias is named too', () => {
    const result = buildWith((file) => {
      renameStep(file, 'step-keep', 'step-keep-proof');
      file('content/data/anchor-aliases.yaml').write('store:\n  step-old: step-nowhere\n');
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/\/store\/: the shipped id #step-keep is gone/);
    expect(result.output).toMatch(
      /anchor-aliases\.yaml: \/store\/ has no #step-nowhere, so the alias from #step-old leads nowhere/,
    );
  });

  it('with an alias builds, and a shared link to the old id lands on the new one, highlighted', async () => {
    const result = buildWith(
      (file) => {
        renameStep(file, 'step-pay', 'step-pay-cash');
        file('content/data/anchor-aliases.yaml').write('store:\n  step-pay: step-pay-cash\n');
      },
      { keep: true },
    );
    try {
      expect(result.ok, result.output).toBe(true);
      const server = await serveStatic(join(result.dir, 'dist'));
      const browser = await chromium.launch({
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
      try {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/zh/store/#step-pay`);
        await page.waitForFunction(() => location.hash === '#step-pay-cash');
        expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('step-pay-cash');
        // A page without aliases loads no alias script.
        expect(readFileSync(join(result.dir, 'dist/zh/index.html'), 'utf8')).not.toContain('data-anchor-aliases');
      } finally {
        await browser.close();
        await server.close();
      }
    } finally {
      rmSync(result.dir, { recursive: true, force: true });
    }
  });
});
