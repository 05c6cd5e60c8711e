import type { PostBuildStep } from '../../../build/pipeline';
import { compareAnchors, describeAnchorMismatch, duplicates } from '../../../core/anchors';
import { mainIds } from '../../../core/html';
import { LOCALES } from '../../../core/locales';
import { splitLocalePath } from '../../../core/urls';

/**
 * Post-build check: every page must carry the same anchor ids, in the same order, in every language, so a
 * shared link such as /zh/store/#step-pay keeps working after a language switch. Fails the build otherwise.
 */
export const anchorParity: PostBuildStep = {
  name: 'anchor-parity',
  async run(site, logger) {
    // Language-neutral page (`/store/`, `/` for the homes) → language → the ids in its <main>.
    const pages = new Map<string, Record<string, string[]>>();
    for (const { path, document } of site.pages.values()) {
      const { locale } = splitLocalePath(path);
      if (!locale) continue;
      const page = path
        .slice(locale.length + 1)
        .replace(/index\.html$/, '')
        .replace(/\.html$/, '/');
      const byLocale = pages.get(page) ?? {};
      byLocale[locale] = mainIds(document);
      pages.set(page, byLocale);
    }
    const problems: string[] = [];
    for (const [page, found] of pages) {
      // In the order of LOCALES, whatever the order of the files.
      const byLocale = Object.fromEntries(LOCALES.filter((l) => found[l]).map((l) => [l, found[l]!]));
      const lacking = LOCALES.filter((l) => !byLocale[l]);
      if (lacking.length) problems.push(`${page}: no ${lacking.join(', ')} version`);
      for (const [locale, ids] of Object.entries(byLocale)) {
        const repeated = duplicates(ids);
        if (repeated.length) problems.push(`/${locale}${page}: id used more than once: #${repeated.join(', #')}`);
      }
      const mismatch = compareAnchors(byLocale);
      if (mismatch) problems.push(describeAnchorMismatch(page, mismatch));
    }
    if (problems.length) throw new Error(`Anchor ids differ between languages:\n  ${problems.join('\n  ')}`);
    logger.info(`${pages.size} pages have the same anchor ids in ${LOCALES.join(' and ')}`);
  },
};
