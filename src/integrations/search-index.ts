import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import {
  describeIndexProblems,
  describeKeywordClashes,
  describeMissingKeywordAnchors,
  keywordKey,
  keywordsInHtml,
  parseKeyword,
  SEARCH_BUNDLE_DIR,
  sectionRecords,
  UNUSED_BUNDLE_FILES,
  type SectionRecord,
  type IndexedLanguages,
  type PageKeywords,
} from '../lib/search-index';
import { htmlLang, LOCALES } from '../lib/locales';

/**
 * After the pages are written (and before the service worker precaches dist/): index them with Pagefind's Node
 * API into dist/pagefind/, one record per section of every page with `data-pagefind-body` (guides, the home intro,
 * the shopkeeper card page's intro; see sectionRecords), so Pagefind ranks sections, the unit a reader lands on.
 * Pagefind reads each record's `<html lang>` and builds one index per language, so a Chinese search only ever sees
 * Chinese pages. Pages without `data-pagefind-body` (search, 404, the `/` chooser) are left out. Fails the build
 * when two pages of a language list the same keyword, when a keyword names a section its page does not have,
 * when Pagefind reports errors, or when a language's index is missing or empty.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const withKeywords = await pageKeywords(root, pages);
        const keywordProblems = [
          describeKeywordClashes(withKeywords, keywordKey),
          describeMissingKeywordAnchors(withKeywords, (k) => parseKeyword(k).anchor),
        ].filter(Boolean);
        if (keywordProblems.length) throw new Error(keywordProblems.join('\n'));
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          for (const { url, html } of await records(root, pages)) {
            const added = await index.addHTMLFile({ url, content: html });
            if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
          }
          const written = await index.writeFiles({ outputPath: join(root, SEARCH_BUNDLE_DIR) });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        } finally {
          await pagefind.close();
        }
        // We use Pagefind's JS API with our own small UI: its prebuilt UI bundles would only be dead weight in
        // dist/ (and in the service worker's precache).
        for (const file of UNUSED_BUNDLE_FILES) await rm(join(root, SEARCH_BUNDLE_DIR, file), { force: true });
        const entry = JSON.parse(await readFile(join(root, SEARCH_BUNDLE_DIR, 'pagefind-entry.json'), 'utf8')) as {
          languages: IndexedLanguages;
        };
        const expected = LOCALES.map((l) => htmlLang(l).toLowerCase());
        const problem = describeIndexProblems(entry.languages, expected);
        if (problem) throw new Error(problem);
        const counts = expected.map((lang) => `${lang}: ${entry.languages[lang]?.page_count ?? 0}`).join(', ');
        logger.info(`indexed pages by language (${counts}) into /${SEARCH_BUNDLE_DIR}/`);
      },
    },
  };
}

/** The keywords of every built page that has some, with the file they come from (a guide, or the home page's UI string). */
async function pageKeywords(
  root: string,
  pages: { pathname: string }[],
): Promise<(PageKeywords & { ids: Set<string> })[]> {
  const found: (PageKeywords & { ids: Set<string> })[] = [];
  for (const { pathname } of pages) {
    const page = `/${pathname}`.replace(/\/*$/, '/');
    const html = await readFile(join(root, page, 'index.html'), 'utf8').catch(() => '');
    const keywords = keywordsInHtml(html);
    if (keywords.length === 0) continue;
    const [, locale, slug] = page.split('/');
    const source = !slug
      ? `src/i18n/${locale}.json (search.homeKeywords)`
      : slug === 'show-shopkeeper'
        ? `src/i18n/${locale}.json (search.shopkeeperKeywords)`
        : `content/guides/${locale}/${slug}.mdx (keywords)`;
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    found.push({ page, source, keywords, ids });
  }
  return found;
}

/** Every indexed page of the build, as one search record per section (see sectionRecords). */
async function records(root: string, pages: { pathname: string }[]): Promise<SectionRecord[]> {
  const all: SectionRecord[] = [];
  for (const { pathname } of pages) {
    const page = `/${pathname}`.replace(/\/*$/, '/');
    const html = await readFile(join(root, page, 'index.html'), 'utf8').catch(() => '');
    all.push(...(sectionRecords(html, page) ?? []));
  }
  return all;
}
