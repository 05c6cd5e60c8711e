import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allIds, linkTargets } from '../../../core/html';
import { describeBrokenLinks, findBrokenLinks, type PageLinks } from '../link-check';
import { readBuiltSite } from '../../../build/built-site';

/**
 * After the build: every internal link, script, stylesheet, image and #anchor of every page must resolve in the
 * finished dist/, and no page links into the other language except through the switcher. Fails the build naming
 * page and link. Keep it last in astro.config.ts, so it sees the files other integrations add.
 */
export function linkCheck(): AstroIntegration {
  let site = '';
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('link-check needs `site` in astro.config.ts');
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { files, pages } = await readBuiltSite(fileURLToPath(dir));
        const links = new Map<string, PageLinks>();
        for (const [page, html] of pages) links.set(page, { ids: new Set(allIds(html)), targets: linkTargets(html) });
        const broken = findBrokenLinks(links, files, site);
        if (broken.length) throw new Error(`Broken links:\n  ${describeBrokenLinks(broken)}`);
        const count = [...links.values()].reduce((n, p) => n + p.targets.length, 0);
        logger.info(`${count} links on ${pages.size} pages resolve`);
      },
    },
  };
}
