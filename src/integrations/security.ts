import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fileOfPath } from '../lib/link-check';
import { pageProblems, withPolicy } from '../lib/csp';
import { readBuiltSite } from './built-site';

/**
 * After the pages are written: gives every page its Content-Security-Policy (a `<meta http-equiv>` right after
 * `<meta charset>`, with the hash of that page's inlined stylesheet; see src/lib/csp.ts), and fails the build,
 * naming page and problem, when a page has something the policy would block (an inline script, an inline event
 * handler, a style attribute, a javascript: URL) or an external link that is off the allow-list or lacks
 * rel="noopener noreferrer". Runs before the search index and the service worker, so they see the final pages.
 *
 * Why not Astro's `security.csp`: it lists the hashes of every script and stylesheet of the whole site on every
 * page (about 500 bytes brotli per page here, where scripts are files and need no hash), and it does not check
 * the page for what the policy would block.
 */
export function security(): AstroIntegration {
  return {
    name: 'security',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { pages } = await readBuiltSite(root);
        const problems: string[] = [];
        for (const [page, html] of pages) {
          problems.push(...pageProblems(html).map((p) => `${page}: ${p}`));
          try {
            await writeFile(join(root, fileOfPath(page)), withPolicy(html));
          } catch (error) {
            problems.push(`${page}: ${(error as Error).message}`);
          }
        }
        if (problems.length) throw new Error(`Pages break the security policy:\n  ${problems.join('\n  ')}`);
        logger.info(
          `${pages.size} pages carry a Content-Security-Policy; no inline scripts or handlers; external links on the allow-list, with rel="noopener noreferrer"`,
        );
      },
    },
  };
}
