/** Where a page of the build lives: its URL path and its file under dist/. */

/** `zh/store/index.html` → `/zh/store/`; `404.html` → `/404.html`. */
export function pagePathOf(file: string): string {
  return `/${file.replace(/\\/g, '/')}`.replace(/\/index\.html$/, '/');
}

/** The file a URL path is served from, as a path relative to dist/ (`/zh/store/` → `zh/store/index.html`). */
export function fileOfPath(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
