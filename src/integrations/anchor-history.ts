import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import {
  ALIASES_FILE,
  anchorHistoryProblems,
  builtAnchorIds,
  parseAnchorAliases,
  parseShippedAnchors,
  recordShipped,
  SHIPPED_FILE,
  type AnchorAliases,
  type ShippedAnchors,
} from '../lib/anchor-history';
import { readBuiltSite } from './built-site';

/** Read content/data/anchor-aliases.yaml and content/data/shipped-anchors.json, validated. */
async function readAnchorHistory(root: string): Promise<{ aliases: AnchorAliases; shipped: ShippedAnchors }> {
  const aliases = parseAnchorAliases(parse(await readFile(join(root, ALIASES_FILE), 'utf8')));
  let shippedText: string;
  try {
    shippedText = await readFile(join(root, SHIPPED_FILE), 'utf8');
  } catch {
    throw new Error(`${SHIPPED_FILE} is missing: run \`npm run anchors:ship\` to record the ids of this build`);
  }
  return { aliases, shipped: parseShippedAnchors(JSON.parse(shippedText)) };
}

/**
 * After the build: every heading and step id that was ever shipped still exists, or has an alias to the id that
 * replaced it (see src/lib/anchor-history.ts). Fails the build naming the page and the id.
 *
 * With SHIP_ANCHORS=add (`npm run anchors:ship`, for each release) it first adds this build's ids to the
 * shipped list; SHIP_ANCHORS=reset (only before the first public release) rewrites the list from this build.
 */
export function anchorHistory(): AstroIntegration {
  let root = '';
  return {
    name: 'anchor-history',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await readBuiltSite(fileURLToPath(dir));
        const built = builtAnchorIds(pages);
        const mode = process.env['SHIP_ANCHORS'];
        if (mode === 'add' || mode === 'reset') {
          const before =
            mode === 'reset'
              ? {}
              : await readFile(join(root, SHIPPED_FILE), 'utf8').then(
                  (t) => parseShippedAnchors(JSON.parse(t)),
                  () => ({}),
                );
          const after = recordShipped(before, built);
          await writeFile(join(root, SHIPPED_FILE), `${JSON.stringify(after, null, 2)}\n`);
          logger.info(
            `${SHIPPED_FILE}: ${Object.values(after).flat().length} shipped ids (${mode === 'reset' ? 'rewritten from this build' : 'this build added'})`,
          );
        } else if (mode !== undefined && mode !== '') {
          throw new Error(`SHIP_ANCHORS must be "add" or "reset", not "${mode}"`);
        }
        const { aliases, shipped } = await readAnchorHistory(root);
        const problems = anchorHistoryProblems(built, shipped, aliases);
        if (problems.length) throw new Error(`Shipped anchor ids must keep working:\n  ${problems.join('\n  ')}`);
        const count = Object.values(shipped).reduce((n, ids) => n + ids.length, 0);
        logger.info(`${count} shipped anchor ids still lead somewhere`);
      },
    },
  };
}
