/**
 * The search-quality query set (queries.yaml, next to this file) and how an answer is scored. Used by the bench
 * (`npm run bench -- search-quality`), the accuracy floor in tests/e2e/search.spec.ts and tests/tools/search-try.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { elements, parseHtml } from '../../src/core/html.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type Half = 'tune' | 'heldout';

export interface Query {
  q: string;
  /** `/en/tips/` (the page as a whole) or `/en/tips/#tax` (that section, or a step or subsection inside it). */
  a: string;
  /**
   * Other sections or pages that answer the query as fully as `a`, added in a blind relabelling (queries.yaml's
   * header): scored separately ("any accepted answer"), never instead of `a`.
   */
  also?: string[];
  split: Half;
  /** Why and when a held-out query was moved to the tuning half. */
  moved?: string;
  origin?: string;
}

/** The query set, tuning and held-out halves (its header says how it was written and split). */
export const QUERIES_FILE = join(import.meta.dirname, 'queries.yaml');
/**
 * A fresh set written blind and run rarely (its header says why): every query in the held-out half. The bench reads
 * it with SEARCH_QUALITY_SET=fresh and never lists its misses; no test reads it.
 */
export const FRESH_FILE = join(import.meta.dirname, 'fresh-2026-12-01.yaml');
const ANSWER = /^\/(zh|en)\/(?:[a-z-]+\/)?(?:#[a-z0-9-]+)?$/;

/** Every query of a language in a query set (queries.yaml), checked: a malformed entry fails naming it. */
export function loadQueries(file = QUERIES_FILE): Record<Lang, Query[]> {
  const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out = {} as Record<Lang, Query[]>;
  for (const lang of LANGS) {
    const list = data[lang];
    if (!Array.isArray(list)) throw new Error(`${file}: no "${lang}" list`);
    out[lang] = list.map((entry: Query, i) => {
      const where = `${file}: ${lang}[${i}] ${JSON.stringify(entry)}`;
      if (typeof entry?.q !== 'string' || !entry.q.trim()) throw new Error(`${where}: q must be the query text`);
      if (typeof entry.a !== 'string' || !ANSWER.test(entry.a) || !entry.a.startsWith(`/${lang}/`)) {
        throw new Error(`${where}: a must be a /${lang}/ page, optionally with a #section`);
      }
      if (
        entry.also !== undefined &&
        (!Array.isArray(entry.also) ||
          !entry.also.every(
            (x) => typeof x === 'string' && ANSWER.test(x) && x.startsWith(`/${lang}/`) && x !== entry.a,
          ))
      ) {
        throw new Error(`${where}: also must be a list of other /${lang}/ pages or #sections`);
      }
      if (entry.split !== 'tune' && entry.split !== 'heldout')
        throw new Error(`${where}: split must be tune or heldout`);
      if (entry.moved && entry.split !== 'tune') throw new Error(`${where}: a moved query belongs to the tuning half`);
      return { ...entry, q: String(entry.q) };
    });
  }
  return out;
}

/**
 * For a built page, each id's enclosing sections: a heading's section runs to the next heading of the same or a
 * higher level; steps and other ids belong to every heading section they sit in. `/en/operators/#jazz` (an h3 of
 * the table) lies inside `#at-a-glance`; `/en/store/#step-pay` inside `#steps`.
 */
export function sectionTree(html: string): Map<string, Set<string>> {
  const all = elements(parseHtml(html));
  const body = all.find((el) => el.attribs['data-pagefind-body'] !== undefined);
  const open: { id: string; level: number }[] = [];
  const inside = new Map<string, Set<string>>();
  for (const el of body ? elements(body) : []) {
    const id = el.attribs['id'];
    if (id === undefined) continue;
    const heading = /^h([1-6])$/.exec(el.name);
    if (heading) {
      const level = Number(heading[1]);
      while (open.length && open.at(-1)!.level >= level) open.pop();
    }
    inside.set(id, new Set(open.map((o) => o.id)));
    if (heading) open.push({ id, level: Number(heading[1]) });
  }
  return inside;
}

const trees = new Map<string, Map<string, Set<string>>>();

function treeOf(dist: string, page: string): Map<string, Set<string>> {
  let tree = trees.get(page);
  if (!tree) {
    let html = '';
    try {
      html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    } catch {
      // an unknown page: nothing lies inside anything
    }
    tree = sectionTree(html);
    trees.set(page, tree);
  }
  return tree;
}

/** Whether a result link answers the query: the right page, and the labelled section (or a part of it). */
export function answers(dist: string, expected: string, href: string | undefined): boolean {
  if (!href) return false;
  const [page, anchor] = expected.split('#') as [string, string | undefined];
  const [gotPage, gotAnchor] = href.split('#') as [string, string | undefined];
  if (gotPage !== page) return false;
  if (!anchor) return true;
  if (!gotAnchor) return false;
  return gotAnchor === anchor || (treeOf(dist, page).get(gotAnchor)?.has(anchor) ?? false);
}

/** The first result links of a query on the search page already open in `page` (its language's /search/). */
export async function resultLinks(page: Page, query: string): Promise<string[]> {
  await page.locator('.search-page input[name="q"]').fill(query);
  // The status names the query its results belong to (normalized: spaces collapsed, trimmed).
  const shown = query.replace(/\s+/g, ' ').trim();
  await page.waitForFunction(
    (q) => document.querySelector('.search-page .search-status')?.getAttribute('data-query') === q,
    shown,
  );
  return page
    .locator('.search-page .search-hit-title')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

export interface Scored {
  query: Query;
  links: string[];
  first: boolean;
  top3: boolean;
  /** First result on the right page, whatever its section. */
  firstPage: boolean;
  /** The same two, counting the blind relabelling's other accepted answers (`also`) as right too. */
  firstAny: boolean;
  top3Any: boolean;
}

export function score(dist: string, query: Query, links: string[]): Scored {
  const right = (link: string | undefined, accepted: readonly string[]) => accepted.some((a) => answers(dist, a, link));
  const any = [query.a, ...(query.also ?? [])];
  return {
    query,
    links,
    first: right(links[0], [query.a]),
    top3: links.slice(0, 3).some((l) => right(l, [query.a])),
    firstPage: links[0]?.split('#')[0] === query.a.split('#')[0],
    firstAny: right(links[0], any),
    top3Any: links.slice(0, 3).some((l) => right(l, any)),
  };
}
