import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { explicitIds } from './src/features/anchors/build/explicit-ids';
import { guideLinks } from './src/features/links/build/guide-links';
import { alternatesOfUrl } from './src/core/alternates';
import { postBuild } from './src/build/pipeline';
import { SITE_PIPELINE } from './src/build/steps';
import { cjkEmphasis } from './src/features/emphasis/build/cjk-emphasis';

/** The public origin, for canonical URLs, alternates and the sitemap. Set SITE_URL when deploying. */
const site = process.env['SITE_URL'] ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One request per page view: the stylesheet is small, so it travels inside the HTML.
    inlineStylesheets: 'always',
  },
  markdown: {
    // Guides: bold that closes after Chinese punctuation (CJK-friendly emphasis); explicit heading and step ids,
    // known components only; external links only to the allow-list.
    processor: satteri({ mdastPlugins: [cjkEmphasis()], hastPlugins: [explicitIds(), guideLinks()] }),
  },
  integrations: [
    mdx(),
    // Every URL with its language alternates and x-default (→ `/`), from the same source as the <head> links.
    sitemap({
      namespaces: { news: false, image: false, video: false },
      // The offline page is for the service worker, not for search engines.
      filter: (page) => !/\/offline\/$/.test(page),
      serialize: (item) => ({
        ...item,
        links: alternatesOfUrl(item.url, site).map((a) => ({ lang: a.hreflang, url: a.href })),
      }),
    }),
    // Before the build, the checks of the sources; after it, one pass over dist/: the Content-Security-Policy, the
    // search index and the service worker, then the checks of the finished site (src/build/steps.ts).
    postBuild(SITE_PIPELINE),
  ],
  vite: {
    // Never inline a script into the page: scripts stay files, cached once and allowed by a Content-Security-Policy
    // without 'unsafe-inline'. Other assets keep Vite's default.
    build: {
      assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that Rolldown warns it may drop, once per
        // guide, in every build; Astro reads the directive before bundling, so nothing is lost (withastro/astro#18087).
        // Only that warning is hidden: every other one still shows.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
