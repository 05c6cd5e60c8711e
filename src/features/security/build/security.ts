import type { PostBuildStep } from '../../../build/pipeline';
import { pageProblems, withPolicy } from './csp';

/**
 * Post-build transform: gives every page its Content-Security-Policy (a `<meta http-equiv>` right after
 * `<meta charset>`, with the hash of that page's inlined stylesheet; see ./csp.ts), and fails the build, naming
 * page and problem, when a page has something the policy would block (an inline script, an inline event handler,
 * a style attribute, a javascript: URL) or an external link that is off the allow-list or lacks
 * rel="noopener noreferrer". The first transform, so the search index and the service worker see the final pages.
 *
 * Why not Astro's `security.csp`: it lists the hashes of every script and stylesheet of the whole site on every
 * page (about 500 bytes brotli per page here, where scripts are files and need no hash), and it does not check
 * the page for what the policy would block.
 */
export const contentSecurityPolicy: PostBuildStep = {
  name: 'security',
  async run(site, logger) {
    const problems: string[] = [];
    for (const page of site.pages.values()) {
      problems.push(...pageProblems(page.html, page.document).map((p) => `${page.path}: ${p}`));
      try {
        site.updatePage(page.path, withPolicy(page.html, page.document));
      } catch (error) {
        problems.push(`${page.path}: ${(error as Error).message}`);
      }
    }
    if (problems.length) throw new Error(`Pages break the security policy:\n  ${problems.join('\n  ')}`);
    logger.info(
      `${site.pages.size} pages carry a Content-Security-Policy; no inline scripts or handlers; external links on the allow-list, with rel="noopener noreferrer"`,
    );
  },
};
