import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { explicitIds } from './src/lib/markdown/explicit-ids';
import { guideLinks } from './src/lib/markdown/guide-links';
import { anchorParity } from './src/integrations/anchor-parity';
import { anchorHistory } from './src/integrations/anchor-history';
import { linkCheck } from './src/integrations/link-check';
import { alternatesOfUrl } from './src/lib/alternates';
import { searchIndex } from './src/integrations/search-index';
import { serviceWorker } from './src/integrations/service-worker';
import { security } from './src/integrations/security';
import { contentScan } from './src/integrations/content-scan';

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
    // Guides: explicit heading and step ids, known components only; external links only to the allow-list.
    processor: satteri({ hastPlugins: [explicitIds(), guideLinks()] }),
  },
  integrations: [
    // First: no messenger or promotional link anywhere in content/ or the UI strings (src/lib/content-scan.ts).
    contentScan(),
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
    anchorParity(),
    // Each page's Content-Security-Policy, and a build error for whatever it would block (src/lib/csp.ts). Before
    // the search index and the service worker, so they index and precache the final pages.
    security(),
    // After the pages are written: pages → search index → service worker (DESIGN.md). Keep this before it.
    searchIndex(),
    anchorHistory(),
    // After the search index: it precaches the final dist/, including the index (DESIGN.md's build order).
    serviceWorker(),
    // Last: checks every link of the finished dist/, including files that integrations before it add.
    linkCheck(),
  ],
  vite: {
    // Never inline a script into the page: scripts stay files, cached once and allowed by a Content-Security-Policy
    // without 'unsafe-inline'. Other assets keep Vite's default.
    build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) },
  },
  devToolbar: { enabled: false },
});
