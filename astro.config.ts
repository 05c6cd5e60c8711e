import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { explicitIds } from './src/lib/markdown/explicit-ids';
import { anchorParity } from './src/integrations/anchor-parity';
import { searchIndex } from './src/integrations/search-index';

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
    sitemap({ i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } } }),
    anchorParity(),
    // After the pages are written: pages → search index → service worker (DESIGN.md). Keep this before it.
    searchIndex(),
  ],
  devToolbar: { enabled: false },
});
