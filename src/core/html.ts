import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

/**
 * Readers for our own built HTML, on a real parser's tree (htmlparser2), never on regular expressions: used by the
 * post-build steps (which parse each page once and pass the tree around) and by tests (which may pass the HTML).
 * Nodes keep their positions in the source, so a step can cut or insert text without re-serialising the page.
 */
export type HtmlDocument = Document;
export type HtmlElement = Element;

/** Parse a page; every node knows where it starts and ends in `html`. */
export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true });
}

const asDocument = (html: string | HtmlDocument) => (typeof html === 'string' ? parseHtml(html) : html);

const isElement = (node: AnyNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Every element under `root`, in document order. */
export function elements(root: HtmlDocument | HtmlElement): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (nodes: readonly AnyNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      found.push(node);
      walk(node.children);
    }
  };
  walk(root.children);
  return found;
}

/** The first element named `name`, if any. */
export function firstElement(root: HtmlDocument | HtmlElement, name: string): HtmlElement | undefined {
  return elements(root).find((el) => el.name === name);
}

/** The source text of a node's children, exactly as written (`''` when it has none). */
export function innerSource(html: string, element: HtmlElement): string {
  const first = element.children[0];
  const last = element.children[element.children.length - 1];
  if (!first || !last || first.startIndex === null || last.endIndex === null) return '';
  return html.slice(first.startIndex, last.endIndex + 1);
}

/** Where each `<style>` element's text starts and ends in the page's source (end exclusive), in order. */
export function styleRanges(html: string | HtmlDocument): [number, number][] {
  return elements(asDocument(html)).flatMap((el) => {
    const first = el.children[0];
    const last = el.children[el.children.length - 1];
    if (el.name !== 'style' || !first || !last || first.startIndex === null || last.endIndex === null) return [];
    return [[first.startIndex, last.endIndex + 1] as [number, number]];
  });
}

/** The markup inside `<main …>…</main>`, or '' when there is none. */
export function mainContent(html: string): string {
  const main = firstElement(parseHtml(html), 'main');
  return main ? innerSource(html, main) : '';
}

const idsOf = (list: readonly HtmlElement[]) =>
  list.flatMap((el) => (el.attribs['id'] !== undefined ? [el.attribs['id']] : []));

/** Every `id` inside `<main>`, in document order. */
export function mainIds(html: string | HtmlDocument): string[] {
  const main = firstElement(asDocument(html), 'main');
  return main ? idsOf(elements(main)) : [];
}

/** Every `id` in the document (a link's #fragment may point anywhere, e.g. the skip link to `#main`). */
export function allIds(html: string | HtmlDocument): string[] {
  return idsOf(elements(asDocument(html)));
}

/** Every `href` of an `<a>` in the document (or under an element), in order. */
export function linkHrefs(html: string | HtmlDocument | HtmlElement): string[] {
  return elements(typeof html === 'string' ? parseHtml(html) : html).flatMap((el) =>
    el.name === 'a' && el.attribs['href'] !== undefined ? [el.attribs['href']] : [],
  );
}

export function decodeEntities(text: string): string {
  return decodeHTML(text);
}

/**
 * The ids people share: headings (`h2`–`h6`) and steps (`li id="step-…"`) inside `<main>`, in order. Other ids
 * (sources, landmarks) may come and go; these are the public contract.
 */
export function anchorTargets(html: string | HtmlDocument): string[] {
  const main = firstElement(asDocument(html), 'main');
  if (!main) return [];
  return elements(main)
    .filter((el) => /^h[2-6]$/.test(el.name) || (el.name === 'li' && el.attribs['id']?.startsWith('step-')))
    .flatMap((el) => (el.attribs['id'] !== undefined ? [el.attribs['id']] : []));
}

export interface LinkTarget {
  /** The element and attribute it came from: `a`, `link`, `script`, `img`, `source`, `meta`. */
  tag: string;
  url: string;
  /** `<a hreflang>`: a deliberate link into another language (the switcher). */
  hreflang?: string;
}

const LINKING = new Set(['a', 'link', 'script', 'img', 'source', 'iframe']);

/** Every URL the document points at: links, stylesheets, scripts, images and the share card's og:image / og:url. */
export function linkTargets(html: string | HtmlDocument): LinkTarget[] {
  const all = elements(asDocument(html));
  const targets: LinkTarget[] = [];
  for (const el of all.filter((e) => LINKING.has(e.name))) {
    const url = el.attribs['href'] ?? el.attribs['src'];
    if (url === undefined) continue;
    const hreflang = el.attribs['hreflang'];
    targets.push({ tag: el.name, url, ...(hreflang !== undefined && { hreflang }) });
  }
  for (const el of all) {
    const property = el.attribs['property'];
    if (
      el.name === 'meta' &&
      (property === 'og:image' || property === 'og:url') &&
      el.attribs['content'] !== undefined
    ) {
      targets.push({ tag: 'meta', url: el.attribs['content'] });
    }
  }
  return targets;
}

const NOT_TEXT = new Set(['script', 'style', 'code', 'pre', 'template']);

/** The text a reader sees in `root` (entities decoded), without code, scripts, styles and templates. */
function visibleText(root: HtmlDocument | HtmlElement): string {
  const parts: string[] = [];
  const walk = (nodes: readonly AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (isElement(node) && !NOT_TEXT.has(node.name)) walk(node.children);
    }
  };
  walk(root.children);
  return parts.join('');
}

/**
 * Markdown emphasis that did not render: `**` or `__` left in a page's text (outside `<code>`, `<pre>`, scripts
 * and styles), each with the text that follows it. CommonMark leaves `**…。**我` literal in Chinese (see
 * src/features/emphasis/build/cjk-emphasis.ts); a build step fails on any that remain.
 */
export function unrenderedEmphasis(html: string | HtmlDocument): string[] {
  const text = visibleText(asDocument(html)).replace(/\s+/g, ' ');
  return [...text.matchAll(/\*\*|__/g)].map((m) => text.slice(m.index, m.index + 32).trim());
}
