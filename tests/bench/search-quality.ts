/**
 * Search quality: every query of tests/search-quality/queries.yaml typed into the real search page of the built
 * site in Chromium (our UI code, Pagefind's index), scored against its label. Prints first-result and top-3
 * accuracy per language and half (tuning / held-out), then the same counting a query's `also` answers (the blind
 * relabelling: queries.yaml) as right too, how many queries were moved from the held-out half, and
 * every miss with what search answered instead. SEARCH_QUALITY_HIDE_HELDOUT=1 leaves the held-out misses unlisted (for
 * tuning: a held-out miss that was looked at belongs in the tuning half). SEARCH_QUALITY_SET=fresh runs the fresh
 * blind set instead (`FRESH_FILE`), all held out: its misses are never listed.
 */
import { relative } from 'node:path';
import {
  answers,
  FRESH_FILE,
  loadQueries,
  QUERIES_FILE,
  resultLinks,
  score,
  LANGS,
  type Half,
  type Scored,
} from '../search-quality/queries.ts';
import type { BenchSection } from './index.ts';

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1).padStart(5)}%` : '    –');

export const searchQualityBench: BenchSection = {
  name: 'search-quality',
  async run({ browser, origin, dist, print }) {
    const fresh = process.env['SEARCH_QUALITY_SET'] === 'fresh';
    const file = fresh ? FRESH_FILE : QUERIES_FILE;
    const sets = loadQueries(file);
    const hideHeldout = fresh || Boolean(process.env['SEARCH_QUALITY_HIDE_HELDOUT']);
    const rows: string[] = [];
    const misses: string[] = [];
    for (const lang of LANGS) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${origin}/${lang}/search/`);
      const scored: Scored[] = [];
      for (const query of sets[lang]) scored.push(score(dist, query, await resultLinks(page, query.q)));
      await page.close();
      const groups = (['tune', 'heldout'] as Half[]).map((half): [string, Scored[]] => [
        half,
        scored.filter((s) => s.query.split === half),
      ]);
      for (const [name, group] of groups) {
        const n = group.length;
        const first = group.filter((s) => s.first).length;
        const top3 = group.filter((s) => s.top3).length;
        const pageOnly = group.filter((s) => s.firstPage).length;
        const firstAny = group.filter((s) => s.firstAny).length;
        const top3Any = group.filter((s) => s.top3Any).length;
        rows.push(
          `${lang}  ${name.padEnd(12)} ${String(n).padStart(4)}   first ${pct(first, n)}   top-3 ${pct(top3, n)}   (first on the right page ${pct(pageOnly, n)})`,
          `${lang}  ${`${name}+also`.padEnd(12)} ${String(n).padStart(4)}   first ${pct(firstAny, n)}   top-3 ${pct(top3Any, n)}   (any accepted answer: the label or one of its \`also\`)`,
        );
      }
      const moved = sets[lang].filter((q) => q.moved).length;
      rows.push(`${lang}  moved from held-out to tuning: ${moved}`);
      for (const s of scored) {
        if (s.first) continue;
        if (hideHeldout && s.query.split === 'heldout') continue;
        const tag = s.query.split;
        const also = s.query.also ?? [];
        const got = s.links
          .slice(0, 3)
          .map((l) => (answers(dist, s.query.a, l) ? `✓${l}` : also.some((a) => answers(dist, a, l)) ? `≈${l}` : l));
        misses.push(`${lang} ${tag.padEnd(7)} "${s.query.q}"  want ${s.query.a}  got ${got.join('  ') || '(nothing)'}`);
      }
    }
    print(`Accuracy of the first result (and of the first three) against ${relative(process.cwd(), file)}:`);
    for (const row of rows) print(`  ${row}`);
    print(
      `Misses (first result wrong; ✓ marks the label further down, ≈ an \`also\` answer)${hideHeldout ? ', held-out ones not listed' : ''}:`,
    );
    for (const miss of misses) print(`  ${miss}`);
  },
};
