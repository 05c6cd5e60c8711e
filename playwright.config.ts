import { defineConfig } from '@playwright/test';
import { CDN_PORT, WRANGLER_ENV, wranglerDevArgs } from './tests/cdn/runtime';

/**
 * End-to-end tests run against the built site (dist/) in Debian's Chromium: no browser is downloaded. Project
 * `site` (tests/e2e/) is served by `astro preview`; project `cdn` (tests/cdn/) by `wrangler dev`, Cloudflare's
 * runtime with our wrangler.jsonc, _headers and _redirects, on PORT+50. PORT lets several checkouts test side by side.
 */
const port = Number(process.env['PORT'] ?? 4321);

export default defineConfig({
  projects: [
    { name: 'site', testDir: 'tests/e2e' },
    { name: 'cdn', testDir: 'tests/cdn', use: { baseURL: `http://127.0.0.1:${CDN_PORT}` } },
  ],
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // This machine's network is closed: keep Chromium from phoning home at start.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      url: `http://127.0.0.1:${port}/zh/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: `npx wrangler ${wranglerDevArgs(CDN_PORT).join(' ')}`,
      url: `http://127.0.0.1:${CDN_PORT}/zh/`,
      env: WRANGLER_ENV,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
});
