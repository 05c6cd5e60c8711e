/**
 * Scale bench (`npm run bench -- scale`; slow, so never part of a plain `npm run bench`): how build time grows with
 * the number of guides. It builds copies of the project in a temp folder: the real site, then the real site plus
 * synthetic guides up to 100 and 1,000 guides per language. The synthetic guides satisfy the content contract
 * (frontmatter, explicit ids identical in both languages, <Steps>, <Checklist>, <Tip>, <Warning>, <Fact>,
 * <GuideLink>, sources), are about as long as a real guide and differ from each other, so every build step (pages,
 * search index, anchor checks, service worker, link check) does real work. Times come from /usr/bin/time: wall
 * clock and CPU (user + sys), so a busy machine shows as wall ≫ CPU. Figures only, never a failure.
 *   SCALE_SIZES=100,1000 (guides per language; default) · SCALE_KEEP=1 keeps the temp folders
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchSection } from './index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const COPY = ['src', 'content', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json'];
const SIZES = (process.env['SCALE_SIZES'] ?? '100,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

/** Words to vary the synthetic pages, so each page indexes differently. */
const EN_WORDS =
  'balance bundle receipt counter franchise number amount wallet account signal network roaming voucher card retailer cash refund message code operator passport'.split(
    ' ',
  );
const ZH_WORDS =
  '余额 套餐 收据 柜台 营业厅 号码 金额 钱包 账户 信号 网络 漫游 充值卡 零售店 现金 退款 短信 代码 运营商 护照'.split(
    ' ',
  );

const pick = (words: string[], i: number, n: number) =>
  Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');

function englishGuide(i: number): string {
  const w = (k: number, n = 3) => pick(EN_WORDS, i + k, n);
  const para = (k: number) =>
    `This is synthetic guide ${i}, written to measure how the build grows. It talks about ${w(k)} and ${w(k + 1)}, like a real guide would, in plain sentences of ordinary length. Readers on a phone want short paragraphs, so each one says one thing about ${w(k + 2, 2)} and stops.`;
  return `---
title: Synthetic guide ${i} about ${w(0, 2)}
description: A generated page for the scale benchmark, about ${w(1, 4)}, as long as a real guide.
kind: reference
order: ${1000 + i}
lastChecked: 2026-11-26
sources: [pta-faqs]
---

${para(0)}

## Overview [#overview]

${para(1)} For a shop, see <GuideLink to="store" />.

${para(2)} The complaints line is <Fact id="pta-complaints-helpline" />.

## What you need [#what-you-need]

<Checklist>

- Your ${w(3, 1)} and your ${w(4, 1)}
- Enough money for the ${w(5, 1)}
- The SIM card of the number

</Checklist>

## Steps [#steps]

<Steps>

1. [#step-find] Find the ${w(6, 2)} for your number.
2. [#step-ask] Ask for the ${w(7, 2)} you want.
3. [#step-check] Check the number before you pay, digit by digit.
4. [#step-pay] Pay, and ask for a receipt.
5. [#step-wait] Wait for the confirmation SMS about the ${w(8, 1)}.
6. [#step-keep] Keep the SMS and the receipt.

</Steps>

## Good to know [#good-to-know]

${para(3)}

<Tip>
${para(4)}
</Tip>

### Details [#details]

${para(5)}

<Warning>
${para(6)}
</Warning>
`;
}

function chineseGuide(i: number): string {
  const w = (k: number, n = 3) => pick(ZH_WORDS, i + k, n).replace(/ /g, '、');
  const para = (k: number) =>
    `这是第 ${i} 篇生成的指南，用来测量构建时间随页面数增长的情况。它讲的是${w(k)}和${w(k + 1)}，像真正的指南一样，句子长短正常。读者用手机看，所以每段只说一件关于${w(k + 2, 2)}的事。`;
  return `---
title: 生成的指南 ${i}：${w(0, 2)}
description: 为规模测试生成的页面，内容是${w(1, 4)}，长度和真正的指南差不多。
kind: reference
order: ${1000 + i}
lastChecked: 2026-11-26
sources: [pta-faqs]
---

${para(0)}

## 概览 [#overview]

${para(1)}去营业厅的办法见 <GuideLink to="store" />。

${para(2)}投诉电话是 <Fact id="pta-complaints-helpline" />。

## 你要准备什么 [#what-you-need]

<Checklist>

- 你的${w(3, 1)}和${w(4, 1)}
- 够付${w(5, 1)}的钱
- 这个号码的 SIM 卡

</Checklist>

## 步骤 [#steps]

<Steps>

1. [#step-find] 找到你号码对应的${w(6, 2)}。
2. [#step-ask] 说明你要的${w(7, 2)}。
3. [#step-check] 付钱前逐位核对号码。
4. [#step-pay] 付款，并要收据。
5. [#step-wait] 等关于${w(8, 1)}的确认短信。
6. [#step-keep] 保留短信和收据。

</Steps>

## 小贴士 [#good-to-know]

${para(3)}

<Tip>
${para(4)}
</Tip>

### 细节 [#details]

${para(5)}

<Warning>
${para(6)}
</Warning>
`;
}

interface BuildFigures {
  guides: number;
  pages: number;
  wall: number;
  cpu: number;
  distKb: number;
  log: string;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/** Copy the project, add synthetic guides up to `perLanguage` guides per language (0: the real site), build it. */
function buildCopy(perLanguage: number): BuildFigures {
  const dir = mkdtempSync(join(tmpdir(), 'topup-scale-'));
  try {
    for (const entry of COPY) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const real = readdirSync(join(dir, 'content/guides/en')).filter((f) => f.endsWith('.mdx')).length;
    for (let i = 1; i <= perLanguage - real; i++) {
      writeFileSync(join(dir, `content/guides/en/synthetic-${i}.mdx`), englishGuide(i));
      writeFileSync(join(dir, `content/guides/zh/synthetic-${i}.mdx`), chineseGuide(i));
    }
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', 'BENCH-TIME %e %U %S', join(ROOT, 'node_modules/.bin/astro'), 'build'],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    const log = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    if (run.status !== 0)
      throw new Error(
        `the build of ${perLanguage || real} guides per language failed:\n${log.split('\n').slice(-30).join('\n')}`,
      );
    const [, wall = '0', user = '0', sys = '0'] = /BENCH-TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(log) ?? [];
    const pages = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    ).length;
    return {
      guides: Math.max(perLanguage, real),
      pages,
      wall: Number(wall),
      cpu: Number(user) + Number(sys),
      distKb: folderBytes(join(dir, 'dist')) / 1024,
      log,
    };
  } finally {
    if (process.env['SCALE_KEEP']) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** A figure the build logs, e.g. the precache size: the first match of `pattern` in the log. */
const logged = (log: string, pattern: RegExp) => pattern.exec(log)?.[1] ?? '?';

export const scaleBench: BenchSection = {
  name: 'scale',
  optIn: true,
  async run({ print }) {
    print(
      'Build time as the site grows: `astro build` of a copy of the project (pages → search index → service worker',
    );
    print('→ link check), real guides plus synthetic ones. Wall clock and CPU (user + sys) from /usr/bin/time.');
    print('');
    print(
      `${'guides/lang'.padStart(12)}${'pages'.padStart(8)}${'wall s'.padStart(9)}${'CPU s'.padStart(9)}${'ms/page'.padStart(9)}${'dist MB'.padStart(9)}  Astro's page step · search index · precache (compressed)`,
    );
    let first: BuildFigures | undefined;
    for (const size of [0, ...SIZES]) {
      const f = buildCopy(size);
      first ??= f;
      const pagesStep = logged(f.log, /(\d+ page\(s\) built in [^\n]+?)\s*$/m);
      const index = logged(f.log, /indexed pages by language \(([^)]+)\)/);
      const precache = logged(f.log, /precaches (\d+ files: [\d.]+ KB, [\d.]+ KB compressed)/);
      print(
        `${String(f.guides).padStart(12)}${String(f.pages).padStart(8)}${f.wall.toFixed(1).padStart(9)}${f.cpu.toFixed(1).padStart(9)}${((f.cpu * 1000) / f.pages).toFixed(0).padStart(9)}${(f.distKb / 1024).toFixed(1).padStart(9)}  ${pagesStep} · ${index} · ${precache}`,
      );
    }
    print('');
    print(
      'ms/page is CPU time per built page, fixed costs (Vite, Pagefind start-up) included: it falls as the site grows while',
    );
    print(
      'the per-page work stays. The precache budget (600 KB compressed) is for the real site; a site of hundreds of guides',
    );
    print('would need to save pages on demand instead of all at once.');
  },
};
