/**
 * What a CDN sends with the built site: `dist/_headers` (security headers and cache lifetimes) and `dist/_redirects`
 * (a page's address without its trailing slash → the page, permanently). Both are plain-text files in the format of
 * Cloudflare Workers static assets and Cloudflare Pages, which Netlify reads too; the `security` build step writes
 * them (./build/security.ts) from the same source as each page's `<meta>` policy (./build/csp.ts).
 *
 * Design. No header is set by two rules that can match the same path: Cloudflare joins such values with a comma
 * (two Cache-Control values, or two policies), and hosts differ there. So:
 *  - `/*` carries the security headers, nothing else;
 *  - files whose name changes with their content are cached for a year, `immutable`;
 *  - the service worker, the manifests and Pagefind's entry files (fixed names, new content each build) revalidate
 *    on every use, explicitly;
 *  - pages and every other file keep the host's default, which on Cloudflare (and Netlify) is the same
 *    `public, max-age=0, must-revalidate`, with an ETag, so a revalidation costs a 304.
 * Rules match the request's path, whatever the status: a missing file under a content-named path (a 404) is cached
 * like the file would be. Such an address names content this build does not have, so it never becomes valid, except
 * after rolling back to a build that had it (README, "Deploy").
 */

/** Cloudflare's limits for these files (developers.cloudflare.com/workers/static-assets/headers/ and /redirects/). */
export const CDN_LIMITS = {
  headerRules: 100,
  headerLineLength: 2000,
  staticRedirects: 2000,
  redirectLineLength: 1000,
} as const;

/** Revalidate on every use (with the ETag, a 304 when nothing changed). Also Cloudflare's default. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';
/** A year, never revalidated: the URL changes when the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Files named by their content, the same set as `HASHED_URL` in src/features/offline/offline.ts (the service worker's "no
 * revision needed"): Astro's bundles (and stylesheets, should one be emitted), the offline copy's packs, indexes
 * and binary files, Pagefind's index chunks, result
 * fragments, filters and per-language metadata (`pagefind.<lang>_<hash>.pf_meta`).
 */
export const IMMUTABLE_PATHS: readonly string[] = [
  '/_astro/*',
  '/_offline/*',
  '/pagefind/index/*',
  '/pagefind/fragment/*',
  '/pagefind/filter/*',
  '/pagefind/*.pf_meta',
];

/**
 * Fixed names whose content changes with a build: the service worker (its update check must see a new build at
 * once), the web app manifests, and Pagefind's entry files (its loader, entry index and WebAssembly).
 */
export const REVALIDATE_PATHS: readonly string[] = [
  '/sw.js',
  '/*/manifest.webmanifest',
  '/pagefind/pagefind.js',
  '/pagefind/pagefind-entry.json',
  '/pagefind/wasm.*',
];

/**
 * Browser features the site may use, and only from its own pages: copying a code or link (clipboard-write), the
 * shopkeeper card's full screen and keeping the screen on (fullscreen, screen-wake-lock). The other powerful
 * features are off. Only names Chromium knows: it reports an unknown one on every page (tests/cdn/browser.spec.ts).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=(self)',
  'serial=()',
  'usb=()',
].join(', ');

/** The headers of every response, given the site's Content-Security-Policy (`sitePolicy` in ./build/csp.ts). */
export function securityHeaders(policy: string): [string, string][] {
  return [
    ['Content-Security-Policy', policy],
    // For browsers without CSP frame-ancestors (old Android browsers and WebViews).
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    // External links already carry rel="noreferrer"; nothing on the site needs a Referer.
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    // Two years. Not `preload`: submitting a domain to the browsers' preload list is the domain owner's decision.
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
  ];
}

export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

/** Every rule of dist/_headers, in order. */
export function headerRules(policy: string): HeaderRule[] {
  return [
    { path: '/*', headers: securityHeaders(policy) },
    ...IMMUTABLE_PATHS.map((path): HeaderRule => ({ path, headers: [['Cache-Control', IMMUTABLE]] })),
    ...REVALIDATE_PATHS.map((path): HeaderRule => ({ path, headers: [['Cache-Control', REVALIDATE]] })),
  ];
}

const GENERATED =
  '# Generated by `astro build` (src/features/security/cdn.ts, build/security.ts): edit those, not this file.';

/** dist/_headers from its rules (`headerRules`). Throws, naming the limit, when Cloudflare would ignore part of it. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const lines = [
    GENERATED,
    ...rules.flatMap((rule) => ['', rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)]),
  ];
  const problems = limitProblems('_headers', lines, CDN_LIMITS.headerLineLength);
  if (rules.length > CDN_LIMITS.headerRules)
    problems.push(`_headers has ${rules.length} rules; Cloudflare applies at most ${CDN_LIMITS.headerRules}`);
  if (problems.length)
    throw new Error(
      `${problems.join('\n')}\n(A long Content-Security-Policy means many different inline stylesheets: share one stylesheet file instead.)`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * dist/_redirects: every page's address without its trailing slash (`/zh`, `/zh/store`) → the page, 301. Without
 * these, Cloudflare's `html_handling` answers a temporary 307, which browsers do not remember. Cloudflare keeps the
 * query string. `pages` are URL paths as the build lists them (`/`, `/zh/store/`, `/404.html`).
 */
export function redirectsFile(pages: Iterable<string>): string {
  const rules = [...pages]
    .filter((path) => path !== '/' && path.endsWith('/'))
    .sort()
    .map((path) => `${path.slice(0, -1)} ${path} 301`);
  const lines = [GENERATED, ...rules];
  const problems = limitProblems('_redirects', lines, CDN_LIMITS.redirectLineLength);
  if (rules.length > CDN_LIMITS.staticRedirects)
    problems.push(`_redirects has ${rules.length} redirects; Cloudflare applies at most ${CDN_LIMITS.staticRedirects}`);
  if (problems.length) throw new Error(problems.join('\n'));
  return `${lines.join('\n')}\n`;
}

function limitProblems(file: string, lines: readonly string[], maxLength: number): string[] {
  return lines.flatMap((line, i) =>
    line.length > maxLength
      ? [
          `${file} line ${i + 1} is ${line.length} characters long; Cloudflare ignores lines over ${maxLength}: ${line.slice(0, 60)}…`,
        ]
      : [],
  );
}
