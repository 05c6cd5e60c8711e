import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastVisitorContext } from 'satteri';
import type { Emphasis, Nodes, Parents, PhrasingContent, Strong } from 'mdast';
import type { Position } from 'unist';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';

/**
 * CJK-friendly emphasis for Sätteri, Astro 7's Markdown and MDX processor.
 *
 * CommonMark does not close `**…**` when the character inside the delimiter is punctuation and the one outside is
 * a letter: `**没有证据。**我们` stays literal asterisks, and Chinese puts full-width punctuation right against the
 * next word all the time. The fix is the "CJK-friendly amendments" to CommonMark by tats-u, maintained as
 * `micromark-extension-cjk-friendly` (used by `remark-cjk-friendly`, VitePress, Rspress, GitLab…). Sätteri parses
 * in Rust and runs no micromark extension (bruits/satteri#85 asks for the option; the upstream pulldown-cmark
 * change has landed, Sätteri 0.10 does not have it yet), so this mdast plugin lets micromark with that extension
 * decide, and only moves Sätteri's own nodes:
 *
 *  - for each paragraph, heading or table cell whose text still holds a `*` or `_`, it parses that block's source
 *    again with micromark + the extension;
 *  - every strong or emphasis micromark finds that Sätteri left as literal delimiters is built from Sätteri's
 *    nodes (components, links and code stay the same nodes), and the delimiters are dropped.
 *
 * Everything else stays Sätteri's. When the two parsers disagree in a way this cannot map (a delimiter inside a
 * link or a node the other parser split differently), the block is left as it is, and the build check for
 * unrendered `**` / `__` (src/integrations/emphasis-check.ts) names the page. Remove this plugin when Sätteri ships the
 * option: `satteri({ features: { cjkFriendlyEmphasis: true } })` or similar.
 */

type Range = { start: number; end: number };
type SatteriNode = Readonly<PhrasingContent>;

/** One of Sätteri's child nodes, with the source range it covers. Text pieces can be cut; other nodes cannot. */
interface Piece extends Range {
  node: SatteriNode;
  /** For a text node whose value is exactly its source: it can be cut at any offset. */
  text?: string;
}

class Unmappable extends Error {}

function rangeOf(node: { readonly position?: Position | undefined }): Range | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** Emphasis and strong nodes micromark found directly in `parent` (not nested ones). */
function emphasisIn(parent: Parents | Nodes): Array<Strong | Emphasis> {
  if (!('children' in parent)) return [];
  return parent.children.flatMap((child): Array<Strong | Emphasis> => {
    if (child.type === 'strong' || child.type === 'emphasis') return [child];
    // A strong inside a link: Sätteri's link is one node here, so it cannot be rebuilt from this level.
    return [];
  });
}

/** Sätteri's pieces inside `range`, cutting text pieces at its edges. */
function piecesWithin(pieces: readonly Piece[], range: Range): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.end <= range.start || piece.start >= range.end) continue;
    if (piece.start >= range.start && piece.end <= range.end) {
      out.push(piece);
      continue;
    }
    if (piece.text === undefined) throw new Unmappable(`a ${piece.node.type} crosses an emphasis delimiter`);
    const start = Math.max(piece.start, range.start);
    const end = Math.min(piece.end, range.end);
    const value = piece.text.slice(start - piece.start, end - piece.start);
    out.push({ start, end, text: value, node: { type: 'text', value } });
  }
  return out;
}

/**
 * Sätteri's pieces in `range`, with each of micromark's `found` emphasis nodes rebuilt: its delimiters dropped
 * and its content wrapped in a strong/emphasis node, recursively for emphasis inside it.
 */
function rebuild(pieces: readonly Piece[], range: Range, found: ReadonlyArray<Strong | Emphasis>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = range.start;
  const take = (to: number) => {
    if (to > at) out.push(...piecesWithin(pieces, { start: at, end: to }).map((p) => p.node as PhrasingContent));
  };
  for (const emphasis of found) {
    const outer = rangeOf(emphasis);
    if (!outer) throw new Unmappable('micromark gave no position');
    const existing = pieces.find(
      (p) => p.start === outer.start && p.end === outer.end && p.node.type === emphasis.type,
    );
    take(outer.start);
    if (existing) {
      out.push(existing.node as PhrasingContent);
    } else {
      const first = emphasis.children[0];
      const last = emphasis.children[emphasis.children.length - 1];
      const innerStart = first ? rangeOf(first)?.start : undefined;
      const innerEnd = last ? rangeOf(last)?.end : undefined;
      if (innerStart === undefined || innerEnd === undefined) throw new Unmappable('an empty emphasis');
      const inner = { start: innerStart, end: innerEnd };
      const children = rebuild(piecesWithin(pieces, inner), inner, emphasisIn(emphasis));
      out.push({ type: emphasis.type, children } as Strong | Emphasis);
    }
    at = outer.end;
  }
  take(range.end);
  return out;
}

function fixBlock(node: Readonly<Parents>, ctx: MdastVisitorContext): void {
  const children = node.children as readonly SatteriNode[];
  if (!children.some((c) => c.type === 'text' && /[*_]/.test(c.value))) return;
  const block = rangeOf(node);
  if (!block) return;
  const source = ctx.source;
  const tree = fromMarkdown(source.slice(block.start, block.end), { extensions: [cjkFriendlyExtension()] });
  const reparsed = tree.children[0];
  if (tree.children.length !== 1 || !reparsed || !('children' in reparsed)) return;
  const shift = (n: Nodes) => {
    if (n.position) {
      n.position.start.offset = (n.position.start.offset ?? 0) + block.start;
      n.position.end.offset = (n.position.end.offset ?? 0) + block.start;
    }
    if ('children' in n) n.children.forEach(shift);
  };
  shift(reparsed);
  const found = emphasisIn(reparsed);
  // Nothing to do unless micromark found an emphasis that Sätteri did not.
  const missed = (list: ReadonlyArray<Strong | Emphasis>): boolean =>
    list.some((e) => {
      const r = rangeOf(e);
      const same = children.find(
        (c) => c.type === e.type && rangeOf(c)?.start === r?.start && rangeOf(c)?.end === r?.end,
      );
      return !same;
    });
  if (!missed(found)) return;
  try {
    const pieces: Piece[] = children.map((child) => {
      const r = rangeOf(child);
      if (!r) throw new Unmappable(`a ${child.type} without a position`);
      const exact = child.type === 'text' && source.slice(r.start, r.end) === child.value;
      return exact ? { ...r, node: child, text: child.value } : { ...r, node: child };
    });
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (!first || !last) return;
    ctx.setProperty(node, 'children', rebuild(pieces, { start: first.start, end: last.end }, found));
  } catch (error) {
    if (!(error instanceof Unmappable)) throw error;
    const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '<unknown file>';
    const line = node.position?.start.line;
    ctx.report({
      message: `${file}:${line}: CJK emphasis left as written (${error.message})`,
      node,
      severity: 'warning',
    });
  }
}

/** The Sätteri mdast plugin (astro.config.ts: `satteri({ mdastPlugins: [cjkEmphasis()] })`). */
export function cjkEmphasis() {
  return defineMdastPlugin({
    name: 'cjk-friendly-emphasis',
    options: { position: true },
    paragraph: (node, ctx) => fixBlock(node, ctx),
    heading: (node, ctx) => fixBlock(node, ctx),
    tableCell: (node, ctx) => fixBlock(node, ctx),
  });
}
