import type { LinkTarget } from './html';
import { splitLocalePath } from './urls';

/**
 * The link checker behind the build step src/integrations/link-check.ts and the crawl test: every internal URL a
 * built page points at must be a file of the build, every #fragment an id on the page it points to, and a page in
 * one language links into another only on purpose (the switcher and alternates carry `hreflang`).
 */

export interface PageLinks {
  /** Every id in the page. */
  ids: ReadonlySet<string>;
  targets: readonly LinkTarget[];
}

export interface BrokenLink {
  /** The page that has the link: `/zh/store/`. */
  page: string;
  url: string;
  problem: string;
}

/** `zh/store/index.html` → `/zh/store/`; `404.html` → `/404.html`. */
export function pagePathOf(file: string): string {
  return `/${file.replace(/\\/g, '/')}`.replace(/\/index\.html$/, '/');
}

/** The file a URL path is served from, as a path relative to dist/ (`/zh/store/` → `zh/store/index.html`). */
export function fileOfPath(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * Broken internal links of a built site.
 * @param pages  every HTML page by its path (`/zh/store/`, `/404.html`)
 * @param files  every file of the build, relative to dist/ (`zh/store/index.html`, `share.png`)
 * @param site   the site's origin: absolute URLs there (canonical, alternates, og:image) are internal too
 */
export function findBrokenLinks(
  pages: ReadonlyMap<string, PageLinks>,
  files: ReadonlySet<string>,
  site: string,
): BrokenLink[] {
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  for (const [page, { targets }] of pages) {
    const base = new URL(page, origin);
    const { locale: pageLocale } = splitLocalePath(page);
    for (const { tag, url, hreflang } of targets) {
      const report = (problem: string) => broken.push({ page, url, problem });
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        report('is not a valid URL');
        continue;
      }
      if (!/^https?:$/.test(target.protocol) || target.origin !== origin) continue;
      if (url === '' || url === '#') {
        report('points nowhere');
        continue;
      }
      const file = fileOfPath(target.pathname);
      if (!files.has(file)) {
        const hint = files.has(`${file}/index.html`) ? ` (write it with a trailing slash: ${target.pathname}/)` : '';
        report(`is not a page or file of the site${hint}`);
        continue;
      }
      const id = decodeURIComponent(target.hash.slice(1));
      if (id) {
        const linked = pages.get(pagePathOf(file));
        if (!linked) report(`has a #fragment, but ${target.pathname} is not a page`);
        else if (!linked.ids.has(id)) report(`#${id} is not an id on ${target.pathname}`);
      }
      const { locale: targetLocale } = splitLocalePath(target.pathname);
      if (tag === 'a' && pageLocale && targetLocale && targetLocale !== pageLocale && hreflang === undefined) {
        report(
          `leads from a /${pageLocale}/ page into /${targetLocale}/; only the language switcher (with hreflang) may`,
        );
      }
    }
  }
  return broken;
}

export function describeBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.url} ${b.problem}`).join('\n  ');
}
