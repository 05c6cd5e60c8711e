import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastVisitorContext } from 'satteri';
import type { Element, ElementContent, Text } from 'hast';
import { ANCHOR_ID, STEP_ID } from '../anchors';
import { checkComponentUse, describeListRule, GUIDE_COMPONENTS } from './components';

/**
 * Hast plugin for guide pages. Shared links point at headings and steps, so their ids are written by hand:
 *  - headings: `## What you need [#what-you-need]`: a trailing marker that becomes the heading's id;
 *  - steps: `1. [#step-pay] Pay at the counter.` inside `<Steps>`; the marker becomes the `<li>` id.
 * Both markers are plain text to any other MDX tool (the peer Starlight build reads the same files), unlike
 * `{#id}`, which standard MDX rejects as a JavaScript expression.
 * Each of them links to itself, so a reader can take its address without JavaScript: the heading text becomes
 * `<a href="#id">`, and a step's number is written out as `<a href="#step-…">4</a> ` (the copy-link script adds
 * its buttons next to these links; src/scripts/copy-link.ts).
 * It fails the build, naming file and line, when a heading has no explicit id or holds a link or component
 * (links cannot nest), an id is not plain ASCII or repeats, a `<Steps>` holds anything but exactly one ordered
 * list of marked steps, or a component or one of its attributes is unknown (see ./components.ts).
 */
const STEP_MARKER = /^\[#([^\]\s]+)\]\s*/;
const HEADING_MARKER = /\s*\[#([^\]\s]+)\]\s*$/;

export class ContentError extends Error {
  override name = 'ContentError';
}

interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}

function where(ctx: HastVisitorContext, node: Positioned): string {
  const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '<unknown file>';
  const start = node.position?.start;
  return start ? `${file}:${start.line}:${start.column}` : file;
}

function fail(ctx: HastVisitorContext, node: Positioned, message: string): never {
  throw new ContentError(`${where(ctx, node)}: ${message}`);
}

function isElement(node: unknown, tagName?: string): node is Element {
  const n = node as Element | undefined;
  return n?.type === 'element' && (tagName === undefined || n.tagName === tagName);
}

function isBlankText(node: unknown): boolean {
  const n = node as Text | undefined;
  return n?.type === 'text' && n.value.trim() === '';
}

/** The first text node of a list item, looking through a leading paragraph (loose lists). */
function firstText(li: Element): Text | undefined {
  const first = li.children.find((c) => !isBlankText(c));
  if (first?.type === 'text') return first;
  if (isElement(first, 'p')) {
    const inner = first.children[0];
    return inner?.type === 'text' ? inner : undefined;
  }
  return undefined;
}

/** The first link or component (which may render one) inside a node, if any. */
function nestedLink(node: { children?: readonly unknown[] }): string | undefined {
  for (const child of node.children ?? []) {
    const c = child as { type: string; tagName?: string; name?: string | null; children?: unknown[] };
    if (c.type === 'element' && c.tagName === 'a') return 'a link';
    if (c.type === 'mdxJsxTextElement' || c.type === 'mdxJsxFlowElement') return `<${c.name ?? '…'}>`;
    const inner = nestedLink(c);
    if (inner) return inner;
  }
  return undefined;
}

/** The number a list item shows: its place among the `<li>` of its list, counting from the list's `start`. */
function stepNumber(ctx: HastVisitorContext, li: Element): number {
  const list = ctx.parent(li) as Element | undefined;
  const start = Number(list?.properties?.['start'] ?? 1);
  const index = ctx.indexOf(li) ?? 0;
  const before = (list?.children ?? []).slice(0, index).filter((c) => isElement(c, 'li')).length;
  return start + before;
}

function selfLink(id: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'a', properties: { href: `#${id}` }, children };
}

interface JsxNode extends Positioned {
  name: string | null;
  attributes: ReadonlyArray<{ type: string; name?: string }>;
}

function checkJsx(ctx: HastVisitorContext, node: JsxNode): void {
  // Lower-case tags are plain HTML; only capitalised ones are our components.
  if (!node.name || !/^[A-Z]/.test(node.name)) return;
  const names = node.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? (a.name ?? '') : '{…spread}'));
  const problems = checkComponentUse(node.name, names);
  if (problems.length) fail(ctx, node, problems.join(' '));
}

export function explicitIds() {
  return () => {
    const seen = new Map<string, string>();
    const claim = (ctx: HastVisitorContext, node: Positioned, id: string) => {
      const before = seen.get(id);
      if (before)
        fail(ctx, node, `the id "#${id}" is used twice (first at ${before}); every heading and step needs its own id.`);
      seen.set(id, where(ctx, node));
    };
    return defineHastPlugin({
      name: 'explicit-ids',
      options: { position: true },
      element: [
        {
          filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
          visit(node, ctx) {
            const last = node.children[node.children.length - 1];
            const marker = last?.type === 'text' ? HEADING_MARKER.exec(last.value) : null;
            if (!last || last.type !== 'text' || !marker) {
              const text = ctx.textContent(node).trim();
              fail(
                ctx,
                node,
                `the heading "${text}" has no explicit id. Write it as \`## ${text} [#some-ascii-id]\`, with the same id in every language.`,
              );
            }
            const id = marker[1] ?? '';
            if (!ANCHOR_ID.test(id))
              fail(ctx, node, `the heading id "#${id}" must be lower-case ASCII words joined by hyphens.`);
            claim(ctx, node, id);
            const text = ctx.textContent(node).replace(HEADING_MARKER, '').trim();
            const inner = nestedLink(node);
            if (inner)
              fail(
                ctx,
                node,
                `the heading "${text}" contains ${inner}. A heading links to itself (#${id}), and links cannot nest: move it into the text below the heading.`,
              );
            const children = [
              ...node.children.slice(0, -1),
              { type: 'text' as const, value: last.value.slice(0, marker.index) },
            ];
            ctx.replaceNode(node, {
              ...node,
              properties: { ...node.properties, id },
              children: [selfLink(id, children)],
            });
          },
        },
        {
          filter: ['li'],
          visit(node, ctx) {
            const text = firstText(node);
            const marker = text ? STEP_MARKER.exec(text.value) : null;
            if (!text || !marker) return;
            const id = marker[1] ?? '';
            if (!STEP_ID.test(id))
              fail(
                ctx,
                node,
                `the step id "#${id}" must start with "step-" and be lower-case ASCII words joined by hyphens.`,
              );
            claim(ctx, node, id);
            ctx.setProperty(node, 'id', id);
            // A space between the number and the text: the number is drawn as a badge beside the step, but
            // text tools (the search index, copy and paste, reader views) must not read "4Pay in cash".
            const rest = text.value.slice(marker[0].length);
            ctx.replaceNode(text, { type: 'text', value: node.children.includes(text) ? ` ${rest}` : rest });
            // The number is not indexed for search: the result already says "Step 4" (data-pagefind-title).
            const number = selfLink(id, [{ type: 'text', value: String(stepNumber(ctx, node)) }]);
            ctx.prependChild(node, { ...number, properties: { ...number.properties, 'data-pagefind-ignore': '' } });
          },
        },
      ],
      mdxJsxTextElement: {
        filter: [],
        visit(node, ctx) {
          checkJsx(ctx, node);
          if (node.name && GUIDE_COMPONENTS[node.name]?.contains) {
            fail(
              ctx,
              node,
              `<${node.name}> wraps a list, so it must stand on its own lines with blank lines around the list.`,
            );
          }
        },
      },
      mdxJsxFlowElement: {
        filter: [],
        visit(node, ctx) {
          checkJsx(ctx, node);
          const contains = node.name ? GUIDE_COMPONENTS[node.name]?.contains : undefined;
          if (!node.name || !contains) return;
          const content = node.children.filter((c) => !isBlankText(c));
          const list = content[0];
          if (content.length !== 1 || !isElement(list, contains)) {
            const found = content.map((c) => (isElement(c) ? `<${c.tagName}>` : c.type)).join(', ') || 'nothing';
            fail(ctx, node, `${describeListRule(node.name, contains)}, but it contains: ${found}.`);
          }
          if (node.name !== 'Steps') return;
          for (const item of list.children as ElementContent[]) {
            if (!isElement(item, 'li')) continue;
            const text = firstText(item);
            if (!text || !STEP_MARKER.test(text.value)) {
              fail(
                ctx,
                item,
                `every step in <Steps> needs an id: start it with "[#step-…] ", e.g. "1. [#step-pay] Pay at the counter."`,
              );
            }
          }
        },
      },
    });
  };
}
