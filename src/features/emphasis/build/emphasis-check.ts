import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { unrenderedEmphasis } from '../../../core/html';
import { readBuiltSite } from '../../../build/built-site';

/**
 * After the build: no page may show Markdown's emphasis marks as text. A `**` or `__` left in a page's text is
 * emphasis the Markdown processor did not render (CommonMark's rule after full-width punctuation, a typo, a UI
 * string written in Markdown); the build fails naming the page and the words that follow the marks.
 */
export function emphasisCheck(): AstroIntegration {
  return {
    name: 'emphasis-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await readBuiltSite(fileURLToPath(dir));
        const problems = [...pages].flatMap(([page, html]) =>
          unrenderedEmphasis(html).map((context) => `${page}: "${context}"`),
        );
        if (problems.length) {
          throw new Error(
            `Unrendered Markdown emphasis (** or __ shown as text):\n  ${problems.join('\n  ')}\n` +
              'Write **bold** so it renders (src/lib/markdown/cjk-emphasis.ts handles Chinese punctuation), or put a literal code in backticks.',
          );
        }
        logger.info(`${pages.size} pages show no unrendered ** or __`);
      },
    },
  };
}
