import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

/** The built site; `npm test` builds it first. */
export function readBuilt(path: string): string {
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first (npm test does)`);
  return readFileSync(file, 'utf8');
}

/** Every built HTML page as a URL path (`/zh/store/`, `/404.html`). */
export function builtPages(): string[] {
  if (!existsSync(DIST)) throw new Error('dist/ does not exist: run `npm run build` first (npm test does)');
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/\\/g, '/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** Slugs of the guides written in one language: content/guides/<locale>/<slug>.mdx. */
export function guideSlugs(locale: string): string[] {
  return readdirSync(join(ROOT, 'content/guides', locale))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
}
