import type { PostBuildStep } from '../../../build/pipeline';
import { unrenderedEmphasis } from '../../../core/html';

/**
 * Post-build check: no page may show Markdown's emphasis marks as text. A `**` or `__` left in a page's text is
 * emphasis the Markdown processor did not render (CommonMark's rule after full-width punctuation, a typo, a UI
 * string written in Markdown); the build fails naming the page and the words that follow the marks.
 */
export const emphasisCheck: PostBuildStep = {
  name: 'emphasis-check',
  async run(site, logger) {
    const problems = [...site.pages.values()].flatMap((page) =>
      unrenderedEmphasis(page.document).map((context) => `${page.path}: "${context}"`),
    );
    if (problems.length) {
      throw new Error(
        `Unrendered Markdown emphasis (** or __ shown as text):\n  ${problems.join('\n  ')}\n` +
          'Write **bold** so it renders (src/features/emphasis/build/cjk-emphasis.ts handles Chinese punctuation), or put a literal code in backticks.',
      );
    }
    logger.info(`${site.pages.size} pages show no unrendered ** or __`);
  },
};
