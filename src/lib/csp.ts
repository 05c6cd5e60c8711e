import { createHash } from 'node:crypto';
import { decodeEntities } from './html';
import { isAllowedExternalUrl } from './external-links';

/**
 * The Content-Security-Policy of every page, and the checks that keep the built HTML compatible with it. Pure
 * functions over our own built HTML (double-quoted attributes), used by src/integrations/security.ts after the
 * build and by tests.
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

/** The text of every `<style>` element, in order. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
}

/** The policy for one page: the directives above, and style-src with the hash of each of its inline stylesheets. */
export function policyFor(html: string): string {
  const hashes = [...new Set(inlineStyles(html).map(styleHash))];
  return [...CSP_DIRECTIVES, ['style-src', "'self'", ...hashes].join(' ')].join('; ');
}

export const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;

/**
 * The page with its policy as the first element after `<meta charset>` (a policy only covers what comes after it).
 * Throws when the page has no `<meta charset>` to anchor it, or already has a policy.
 */
export function withPolicy(html: string): string {
  if (CSP_META.test(html)) throw new Error('already has a Content-Security-Policy <meta>');
  const charset = /<meta charset="utf-8"\s*\/?>/i.exec(html);
  if (!charset) throw new Error('has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}<meta http-equiv="content-security-policy" content="${policyFor(html)}">${html.slice(at)}`;
}

/**
 * What the policy would block, or what a reader's browser should never be handed: inline scripts, inline event
 * handlers, `style` attributes, `javascript:` URLs, and external links that are off the allow-list or lack
 * `rel="noopener noreferrer"`. One sentence per problem.
 */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? '';
    if (!/\ssrc="/i.test(attributes))
      problems.push(
        `an inline <script> (scripts must be files: put it in a component's bundled <script>): ${(m[2] ?? '').trim().slice(0, 60)}`,
      );
  }
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\s(on[a-z]+)="/gi)) {
    problems.push(`an inline event handler ${m[2]} on <${m[1]}> (add the listener in a bundled script)`);
  }
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\sstyle="([^"]*)"/gi)) {
    problems.push(`a style attribute on <${m[1]}>: style="${m[2]}" (use a class in the stylesheet)`);
  }
  for (const m of html.matchAll(
    /<(a|link|script|img|iframe|form|area)\b[^>]*?\s(?:href|src|action)="\s*javascript:/gi,
  )) {
    problems.push(`a javascript: URL on <${m[1]}>`);
  }
  for (const m of html.matchAll(/<a\b([^>]*)>/gi)) {
    const attributes = m[1] ?? '';
    const href = decodeEntities(/\shref="([^"]*)"/i.exec(attributes)?.[1] ?? '');
    if (!/^https?:\/\//i.test(href) || isOwnOrigin(href, html)) continue;
    if (!isAllowedExternalUrl(href))
      problems.push(`a link to ${href}, whose host is not on the allow-list in src/lib/external-links.ts`);
    const rel = new Set((/\srel="([^"]*)"/i.exec(attributes)?.[1] ?? '').split(/\s+/));
    if (!rel.has('noopener') || !rel.has('noreferrer'))
      problems.push(`an external link to ${href} without rel="noopener noreferrer"`);
  }
  return problems;
}

/** Absolute links to the site's own origin (the canonical URL names it) are internal. */
function isOwnOrigin(href: string, html: string): boolean {
  const canonical = /<link rel="canonical" href="([^"]+)"/i.exec(html)?.[1];
  const own = canonical ? new URL(canonical).origin : undefined;
  return own !== undefined && new URL(href).origin === own;
}
