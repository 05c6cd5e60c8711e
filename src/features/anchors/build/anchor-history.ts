import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PostBuildStep } from '../../../build/pipeline';
import {
  ALIASES_ROUTE,
  anchorHistoryProblems,
  builtAnchorIds,
  parseShippedAnchors,
  recordShipped,
  SHIPPED_FILE,
  type AnchorAliases,
  type ShippedAnchors,
} from '../anchor-history';

async function readShipped(root: string): Promise<ShippedAnchors> {
  let text: string;
  try {
    text = await readFile(join(root, SHIPPED_FILE), 'utf8');
  } catch {
    throw new Error(`${SHIPPED_FILE} is missing: run \`npm run anchors:ship\` to record the ids of this build`);
  }
  return parseShippedAnchors(JSON.parse(text));
}

/**
 * Post-build check: every heading and step id that was ever shipped still exists, or has an alias to the id that
 * replaced it (see ../anchor-history.ts). Fails the build naming the page and the id. The aliases come from the
 * `anchorAliases` collection through a build-only route (./aliases-route.ts).
 *
 * With SHIP_ANCHORS=add (`npm run anchors:ship`) it first adds this build's ids to the shipped list;
 * SHIP_ANCHORS=reset (only before the first public release) rewrites the list from this build.
 */
export const anchorHistory: PostBuildStep = {
  name: 'anchor-history',
  dataRoute: { pattern: ALIASES_ROUTE, entrypoint: './src/features/anchors/build/aliases-route.ts' },
  async run(site, logger) {
    const built = builtAnchorIds(new Map([...site.pages].map(([path, page]) => [path, page.document])));
    const mode = process.env['SHIP_ANCHORS'];
    if (mode === 'add' || mode === 'reset') {
      const before = mode === 'reset' ? {} : await readShipped(site.root).catch(() => ({}));
      const after = recordShipped(before, built);
      await writeFile(join(site.root, SHIPPED_FILE), `${JSON.stringify(after, null, 2)}\n`);
      const count = Object.values(after).flat().length;
      logger.info(
        `${SHIPPED_FILE}: ${count} shipped ids (${mode === 'reset' ? 'rewritten from this build' : 'this build added'})`,
      );
    } else if (mode !== undefined && mode !== '') {
      throw new Error(`SHIP_ANCHORS must be "add" or "reset", not "${mode}"`);
    }
    const aliases = site.data.get(ALIASES_ROUTE) as AnchorAliases | undefined;
    if (!aliases)
      throw new Error(`the build did not write ${ALIASES_ROUTE} (is the anchor-history step's data route injected?)`);
    const shipped = await readShipped(site.root);
    const problems = anchorHistoryProblems(built, shipped, aliases);
    if (problems.length) throw new Error(`Shipped anchor ids must keep working:\n  ${problems.join('\n  ')}`);
    const count = Object.values(shipped).reduce((n, ids) => n + ids.length, 0);
    logger.info(`${count} shipped anchor ids still lead somewhere`);
  },
};
