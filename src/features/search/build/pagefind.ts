import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { transform, type TransformOptions } from 'esbuild';
import * as pagefind from 'pagefind';
import type { BuiltPage, PostBuildStep } from '../../../build/pipeline';
import { allIds } from '../../../core/html';
import { htmlLang, LOCALES } from '../../../core/locales';
import { PAGEFIND_DIR } from '../../../core/pagefind-bundle';
import {
  describeIndexProblems,
  describeKeywordClashes,
  describeMissingKeywordAnchors,
  keywordKey,
  keywordsInHtml,
  parseKeyword,
  sectionRecords,
  trimFragment,
  UNUSED_BUNDLE_FILES,
  withoutKeywords,
  type IndexedLanguages,
  type PageKeywords,
} from '../search-index';

/** How Pagefind's loader (`pagefind.js`, an ES module) is minified after Pagefind writes it. */
export const LOADER_MINIFY: TransformOptions = { format: 'esm', minify: true };

/**
 * Post-build transform, after the Content-Security-Policy and before the service worker precaches dist/: index
 * the pages with Pagefind's Node API into dist/pagefind/, one record per page with `data-pagefind-body` (guides,
 * the home intro, the shopkeeper card page's intro; or per section: `SECTION_RECORDS`, see `sectionRecords`). Pagefind reads each record's `<html lang>` and builds one
 * index per language, so a Chinese search only ever sees Chinese pages. Pages without `data-pagefind-body`
 * (search, 404, the `/` chooser) are left out. Fails the build when two pages of a language list the same
 * keyword, when a keyword names a section its page does not have, when Pagefind reports errors, or when a
 * language's index is missing or empty.
 */
export const searchIndex: PostBuildStep = {
  name: 'search-index',
  async run(site, logger) {
    const withKeywords = pageKeywords(site.pages.values());
    const keywordProblems = [
      describeKeywordClashes(withKeywords, keywordKey),
      describeMissingKeywordAnchors(withKeywords, (k) => parseKeyword(k).anchor),
    ].filter(Boolean);
    if (keywordProblems.length) throw new Error(keywordProblems.join('\n'));
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      for (const { path, html, document } of site.pages.values()) {
        for (const record of sectionRecords(html, path, document) ?? []) {
          const added = await index.addHTMLFile({ url: record.url, content: record.html });
          if (added.errors.length)
            throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
        }
      }
      const written = await index.writeFiles({ outputPath: join(site.dist, PAGEFIND_DIR) });
      if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    const fragments = join(site.dist, PAGEFIND_DIR, 'fragment');
    for (const name of await readdir(fragments)) {
      const file = join(fragments, name);
      await writeFile(file, gzipSync(trimFragment(gunzipSync(await readFile(file)).toString('utf8')), { level: 9 }));
    }
    for (const page of site.pages.values()) {
      const shipped = withoutKeywords(page.html);
      if (shipped !== page.html) site.updatePage(page.path, shipped);
    }
    // We use Pagefind's JS API with our own small UI: its prebuilt UI bundles would only be dead weight in
    // dist/ (and in the service worker's precache).
    for (const file of UNUSED_BUNDLE_FILES) await rm(join(site.dist, PAGEFIND_DIR, file), { force: true });
    // Pagefind's loader comes with its whitespace out but its names long: minified, it is 1.8 KB smaller (brotli) for
    // a first search and in every offline copy.
    const loader = join(site.dist, PAGEFIND_DIR, 'pagefind.js');
    await writeFile(loader, (await transform(await readFile(loader, 'utf8'), LOADER_MINIFY)).code);
    const entry = JSON.parse(await readFile(join(site.dist, PAGEFIND_DIR, 'pagefind-entry.json'), 'utf8')) as {
      languages: IndexedLanguages;
    };
    const expected = LOCALES.map((l) => htmlLang(l).toLowerCase());
    const problem = describeIndexProblems(entry.languages, expected);
    if (problem) throw new Error(problem);
    const counts = expected.map((lang) => `${lang}: ${entry.languages[lang]?.page_count ?? 0}`).join(', ');
    logger.info(`indexed records by language (${counts}) into /${PAGEFIND_DIR}/`);
  },
};

/** The keywords of every page that has some, with the file they come from (a guide, or the home page's UI string). */
function pageKeywords(pages: Iterable<BuiltPage>): (PageKeywords & { ids: Set<string> })[] {
  const found: (PageKeywords & { ids: Set<string> })[] = [];
  for (const { path, document } of pages) {
    const keywords = keywordsInHtml(document);
    if (keywords.length === 0) continue;
    const [, locale, slug] = path.split('/');
    const source = !slug
      ? `src/i18n/${locale}.json (search.homeKeywords)`
      : slug === 'show-shopkeeper'
        ? `src/i18n/${locale}.json (search.shopkeeperKeywords)`
        : `content/guides/${locale}/${slug}.mdx (keywords)`;
    found.push({ page: path, source, keywords, ids: new Set(allIds(document)) });
  }
  return found;
}
