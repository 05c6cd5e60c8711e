import type { PostBuildStep } from '../../../build/pipeline';
import { allIds, linkTargets } from '../../../core/html';
import { describeBrokenLinks, findBrokenLinks, type PageLinks } from '../link-check';

/**
 * Post-build check, the last step: every internal link, script, stylesheet, image and #anchor of every page must
 * resolve in the finished dist/ (with the files the transforms added), and no page links into the other language
 * except through the switcher. Fails the build naming page and link.
 */
export const linkCheck: PostBuildStep = {
  name: 'link-check',
  async run(site, logger) {
    const links = new Map<string, PageLinks>();
    for (const [path, { document }] of site.pages) {
      links.set(path, { ids: new Set(allIds(document)), targets: linkTargets(document) });
    }
    const broken = findBrokenLinks(links, site.files, site.site);
    if (broken.length) throw new Error(`Broken links:\n  ${describeBrokenLinks(broken)}`);
    const count = [...links.values()].reduce((n, p) => n + p.targets.length, 0);
    logger.info(`${count} links on ${site.pages.size} pages resolve`);
  },
};
