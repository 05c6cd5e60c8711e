import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { explicitIds } from './src/lib/markdown/explicit-ids';
import { anchorParity } from './src/integrations/anchor-parity';
import { serviceWorker } from './src/integrations/service-worker';

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
    processor: satteri({
      features: { headingAttributes: true },
      hastPlugins: [explicitIds()],
    }),
  },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      // The offline page is for the service worker, not for search engines.
      filter: (page) => !/\/offline\/$/.test(page),
    }),
    anchorParity(),
    // Last: it precaches the final dist/, including the search index written before it.
    serviceWorker(),
  ],
  // Scripts stay files, never inlined however small: the coming Content-Security-Policy forbids inline scripts.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
