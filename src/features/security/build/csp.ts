import { createHash } from 'node:crypto';
import { elements, innerSource, parseHtml, type HtmlDocument, type HtmlElement } from '../../../core/html';
import { isAllowedExternalUrl } from '../../../core/external-links';

/**
 * The Content-Security-Policy of every page, and the checks that keep the built HTML compatible with it: functions
 * over a page and its parsed tree (src/core/html.ts), used by the post-build step ./security.ts and by tests.
 *
 * The policy allows scripts only as files from our own origin (no 'unsafe-inline', no inline script at all), each
 * page's own inlined stylesheet by its hash, Pagefind's WebAssembly ('wasm-unsafe-eval') and same-origin workers
 * (Pagefind's, the service worker). Nothing comes from, is framed by or is submitted to another origin.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
];

/** `'sha256-…'` of one inline stylesheet's text, as CSP wants it. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

const asDocument = (html: string, document?: HtmlDocument) => document ?? parseHtml(html);

/** The text of every `<style>` element, in order, exactly as written (the hash is of these bytes). */
export function inlineStyles(html: string, document?: HtmlDocument): string[] {
  return elements(asDocument(html, document))
    .filter((el) => el.name === 'style')
    .map((el) => innerSource(html, el));
}

/** The policy for one page: the directives above, and style-src with the hash of each of its inline stylesheets. */
export function policyFor(html: string, document?: HtmlDocument): string {
  const hashes = [...new Set(inlineStyles(html, document).map(styleHash))];
  return [...CSP_DIRECTIVES, ['style-src', "'self'", ...hashes].join(' ')].join('; ');
}

/** A policy `<meta>` in built HTML (for tests that read the bytes). */
export const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;

const isPolicy = (el: HtmlElement) =>
  el.name === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'content-security-policy';

/**
 * The page with its policy as the first element after `<meta charset>` (a policy only covers what comes after it).
 * Throws when the page has no `<meta charset>` to anchor it, or already has a policy.
 */
export function withPolicy(html: string, document?: HtmlDocument): string {
  const all = elements(asDocument(html, document));
  if (all.some(isPolicy)) throw new Error('already has a Content-Security-Policy <meta>');
  const charset = all.find((el) => el.name === 'meta' && el.attribs['charset']?.toLowerCase() === 'utf-8');
  if (!charset || charset.endIndex === null)
    throw new Error('has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  const at = charset.endIndex + 1;
  return `${html.slice(0, at)}<meta http-equiv="content-security-policy" content="${policyFor(html, document)}">${html.slice(at)}`;
}

const URL_ATTRIBUTES = ['href', 'src', 'action'];
const URL_ELEMENTS = new Set(['a', 'link', 'script', 'img', 'iframe', 'form', 'area']);

/**
 * What the policy would block, or what a reader's browser should never be handed: inline scripts, inline event
 * handlers, `style` attributes, `javascript:` URLs, and external links that are off the allow-list or lack
 * `rel="noopener noreferrer"`. One sentence per problem.
 */
export function pageProblems(html: string, document?: HtmlDocument): string[] {
  const all = elements(asDocument(html, document));
  const problems: string[] = [];
  for (const el of all.filter((e) => e.name === 'script' && e.attribs['src'] === undefined)) {
    const code = innerSource(html, el).trim().slice(0, 60);
    problems.push(`an inline <script> (scripts must be files: put it in a component's bundled <script>): ${code}`);
  }
  for (const el of all) {
    for (const name of Object.keys(el.attribs).filter((a) => /^on[a-z]+$/.test(a))) {
      problems.push(`an inline event handler ${name} on <${el.name}> (add the listener in a bundled script)`);
    }
  }
  for (const el of all.filter((e) => e.attribs['style'] !== undefined)) {
    problems.push(`a style attribute on <${el.name}>: style="${el.attribs['style']}" (use a class in the stylesheet)`);
  }
  for (const el of all.filter((e) => URL_ELEMENTS.has(e.name))) {
    if (URL_ATTRIBUTES.some((a) => /^\s*javascript:/i.test(el.attribs[a] ?? '')))
      problems.push(`a javascript: URL on <${el.name}>`);
  }
  const own = ownOrigin(all);
  for (const el of all.filter((e) => e.name === 'a')) {
    const href = el.attribs['href'] ?? '';
    if (!/^https?:\/\//i.test(href) || (own !== undefined && new URL(href).origin === own)) continue;
    if (!isAllowedExternalUrl(href))
      problems.push(`a link to ${href}, whose host is not on the allow-list in src/core/external-links.ts`);
    const rel = new Set((el.attribs['rel'] ?? '').split(/\s+/));
    if (!rel.has('noopener') || !rel.has('noreferrer'))
      problems.push(`an external link to ${href} without rel="noopener noreferrer"`);
  }
  return problems;
}

/** The site's own origin, from the page's canonical URL: absolute links there are internal. */
function ownOrigin(all: readonly HtmlElement[]): string | undefined {
  const canonical = all.find((el) => el.name === 'link' && el.attribs['rel'] === 'canonical')?.attribs['href'];
  return canonical ? new URL(canonical).origin : undefined;
}
