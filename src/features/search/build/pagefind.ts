import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { BuiltPage, PostBuildStep } from '../../../build/pipeline';
import { allIds } from '../../../core/html';
import { htmlLang, LOCALES } from '../../../core/locales';
import {
  describeIndexProblems,
  describeKeywordClashes,
  describeMissingKeywordAnchors,
  keywordsInHtml,
  SEARCH_BUNDLE_DIR,
  UNUSED_BUNDLE_FILES,
  type IndexedLanguages,
  type PageKeywords,
} from '../search-index';
import { parseKeyword, queryKey } from '../search';

/**
 * Post-build transform, after the Content-Security-Policy and before the service worker precaches dist/: index
 * the pages with Pagefind's Node API into dist/pagefind/. Pagefind reads each page's `<html lang>` and builds one
 * index per language, so a Chinese search only ever sees Chinese pages. Only elements marked `data-pagefind-body`
 * (guide and home content) are indexed; pages without it (search, 404, the `/` chooser) are left out. Fails the
 * build when two pages of a language list keywords that ask for the same thing, when Pagefind reports errors, or
 * when a language's index is missing or empty.
 */
export const searchIndex: PostBuildStep = {
  name: 'search-index',
  async run(site, logger) {
    const withKeywords = pageKeywords(site.pages.values());
    const keywordProblems = [
      describeKeywordClashes(withKeywords, (k) => queryKey(parseKeyword(k).text)),
      describeMissingKeywordAnchors(withKeywords, (k) => parseKeyword(k).anchor),
    ].filter(Boolean);
    if (keywordProblems.length) throw new Error(keywordProblems.join('\n'));
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      const added = await index.addDirectory({ path: site.dist });
      if (added.errors.length) throw new Error(`Pagefind could not index dist/: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: join(site.dist, SEARCH_BUNDLE_DIR) });
      if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    // We use Pagefind's JS API with our own small UI: its prebuilt UI bundles would only be dead weight in
    // dist/ (and in the service worker's precache).
    for (const file of UNUSED_BUNDLE_FILES) await rm(join(site.dist, SEARCH_BUNDLE_DIR, file), { force: true });
    const entry = JSON.parse(await readFile(join(site.dist, SEARCH_BUNDLE_DIR, 'pagefind-entry.json'), 'utf8')) as {
      languages: IndexedLanguages;
    };
    const expected = LOCALES.map((l) => htmlLang(l).toLowerCase());
    const problem = describeIndexProblems(entry.languages, expected);
    if (problem) throw new Error(problem);
    const counts = expected.map((lang) => `${lang}: ${entry.languages[lang]?.page_count ?? 0}`).join(', ');
    logger.info(`indexed pages by language (${counts}) into /${SEARCH_BUNDLE_DIR}/`);
  },
};

/** The keywords of every page that has some, with the file they come from (a guide, or the home page's UI string). */
function pageKeywords(pages: Iterable<BuiltPage>): (PageKeywords & { ids: Set<string> })[] {
  const found: (PageKeywords & { ids: Set<string> })[] = [];
  for (const { path, document } of pages) {
    const keywords = keywordsInHtml(document);
    if (keywords.length === 0) continue;
    const [, locale, slug] = path.split('/');
    const source = slug
      ? `content/guides/${locale}/${slug}.mdx (keywords)`
      : `src/i18n/${locale}.json (search.homeKeywords)`;
    found.push({ page: path, source, keywords, ids: new Set(allIds(document)) });
  }
  return found;
}
