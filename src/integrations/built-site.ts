import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pagePathOf } from '../lib/link-check';

export interface BuiltSite {
  /** Every file of the build, relative to dist/ with forward slashes. */
  files: Set<string>;
  /** Every HTML page by its URL path (`/zh/store/`, `/404.html`). */
  pages: Map<string, string>;
}

/** Read the finished build (dist/) for the checks that run after `astro build`. */
export async function readBuiltSite(root: string): Promise<BuiltSite> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).replace(/\\/g, '/'))
    .sort();
  const pages = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.html')))
    pages.set(pagePathOf(file), await readFile(join(root, file), 'utf8'));
  return { files: new Set(files), pages };
}
