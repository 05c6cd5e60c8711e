import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { compareAnchors, describeAnchorMismatch, duplicates } from '../lib/anchors';
import { mainIds } from '../lib/html';
import { LOCALES } from '../lib/locales';

/**
 * After the build: every page must carry the same anchor ids, in the same order, in every language, so a
 * shared link such as /zh/store/#step-pay keeps working after a language switch. Fails the build otherwise.
 */
export function anchorParity(): AstroIntegration {
  return {
    name: 'anchor-parity',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = new Map<string, Record<string, string[]>>();
        for (const locale of LOCALES) {
          for (const file of await htmlFiles(join(root, locale))) {
            const page = file
              .slice(join(root, locale).length)
              .replace(/index\.html$/, '')
              .replace(/\.html$/, '/');
            const ids = mainIds(await readFile(file, 'utf8'));
            const byLocale = pages.get(page) ?? {};
            byLocale[locale] = ids;
            pages.set(page, byLocale);
          }
        }
        const problems: string[] = [];
        for (const [page, byLocale] of pages) {
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
    },
  };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
