import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastVisitorContext } from 'satteri';
import { externalLinkProblem } from '../../../core/external-links';

/**
 * Hast plugin for guide pages: every external link written in a guide's body (a Markdown link, an autolink or an
 * `<a href>` tag) must pass src/core/external-links.ts (allow-listed host, no messenger channel, no ad or affiliate
 * parameters), or the build fails naming file, line and link. Allowed Markdown links get `rel="noopener
 * noreferrer"`, like every external link on the site (src/features/security/build/security.ts checks the built pages).
 */
interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}

function fail(ctx: HastVisitorContext, node: Positioned, href: string, problem: string): never {
  const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '<unknown file>';
  const start = node.position?.start;
  throw new Error(`${start ? `${file}:${start.line}:${start.column}` : file}: the link ${href} ${problem}.`);
}

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(tel|sms|mailto):/i.test(href);

interface JsxNode extends Positioned {
  name: string | null;
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
}

function checkJsx(ctx: HastVisitorContext, node: JsxNode): void {
  if (node.name !== 'a') return;
  const href = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value;
  if (typeof href !== 'string') return;
  const problem = isExternal(href) ? externalLinkProblem(href) : undefined;
  if (problem) fail(ctx, node, href, problem);
}

export function guideLinks() {
  return defineHastPlugin({
    name: 'guide-links',
    options: { position: true },
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.['href'];
        if (typeof href !== 'string' || !isExternal(href)) return;
        const problem = externalLinkProblem(href);
        if (problem) fail(ctx, node, href, problem);
        ctx.setProperty(node, 'rel', 'noopener noreferrer');
      },
    },
    mdxJsxTextElement: { filter: [], visit: (node, ctx) => checkJsx(ctx, node) },
    mdxJsxFlowElement: { filter: [], visit: (node, ctx) => checkJsx(ctx, node) },
  });
}
