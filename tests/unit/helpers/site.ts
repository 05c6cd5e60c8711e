import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

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

/** A guide's frontmatter as written (content/guides/<locale>/<slug>.mdx), parsed as YAML. */
export function guideFrontmatter(locale: string, slug: string): Record<string, unknown> {
  const text = readFileSync(join(ROOT, 'content/guides', locale, `${slug}.mdx`), 'utf8');
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
}

/** A built file by its URL path (`/_astro/x.js`). */
export function file(path: string): Buffer {
  return readFileSync(join(DIST, decodeURIComponent(path)));
}

/** The static imports of a built script, as URL paths (dynamic `import()` is on demand, so not counted). */
export function staticImports(path: string): string[] {
  const code = file(path).toString('utf8');
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map(
    (m) => new URL(m[1]!, `http://x${path}`).pathname,
  );
}

/** Everything the browser fetches to show a page before any interaction, as URL paths (the page first). */
export function firstViewRequests(page: string): string[] {
  const html = readBuilt(page);
  const requests = [page];
  const add = (path: string) => {
    if (!requests.includes(path)) requests.push(path);
  };
  for (const m of html.matchAll(/<link\b[^>]*\srel="(stylesheet|icon)"[^>]*>/g))
    add(/\shref="([^"]+)"/.exec(m[0])![1]!);
  for (const m of html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)) add(m[1]!);
  const queue = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const script = queue.shift()!;
    if (requests.includes(script)) continue;
    add(script);
    queue.push(...staticImports(script));
  }
  return requests;
}
