import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeFindings, scanContent } from '../lib/content-scan';

/** Folders whose text files are content: guides, data, the glossary, UI strings. */
const FOLDERS = ['content', 'src/i18n'];
const TEXT = /\.(mdx?|ya?ml|json)$/;

/**
 * When a build starts, before anything is rendered: no messenger-channel, invite or promotional link anywhere in the
 * content (src/lib/content-scan.ts), as a link or as plain text. Fails the build naming file, line and link.
 */
export function contentScan(): AstroIntegration {
  let root = '';
  return {
    name: 'content-scan',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async ({ logger }) => {
        const problems: string[] = [];
        let files = 0;
        for (const folder of FOLDERS) {
          const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
          for (const entry of entries.filter((e) => e.isFile() && TEXT.test(e.name))) {
            const path = join(entry.parentPath, entry.name);
            files++;
            problems.push(...describeFindings(relative(root, path), scanContent(await readFile(path, 'utf8'))));
          }
        }
        if (problems.length)
          throw new Error(`Messenger or promotional links are never allowed:\n  ${problems.join('\n  ')}`);
        logger.info(`${files} content files: no messenger or promotional links`);
      },
    },
  };
}
