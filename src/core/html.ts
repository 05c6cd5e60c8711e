/**
 * Small readers for our own built HTML (Astro writes attributes with double quotes). Used by build checks and
 * tests; not a general HTML parser.
 */

/** The markup inside `<main …>…</main>`, or '' when there is none. */
export function mainContent(html: string): string {
  const match = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html);
  return match?.[1] ?? '';
}

/** Every `id` inside `<main>`, in document order. */
export function mainIds(html: string): string[] {
  return [...mainContent(html).matchAll(/<[a-z][a-z0-9-]*\b[^>]*?\sid="([^"]+)"/gi)].map((m) => m[1] ?? '');
}

/** Every `href` of an `<a>` in the document, in order. */
export function linkHrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)].map((m) => decodeEntities(m[1] ?? ''));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every `id` in the document (a link's #fragment may point anywhere, e.g. the skip link to `#main`). */
export function allIds(html: string): string[] {
  return [...html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*?\sid="([^"]+)"/gi)].map((m) => decodeEntities(m[1] ?? ''));
}

/**
 * The ids people share: headings (`h2`–`h6`) and steps (`li id="step-…"`) inside `<main>`, in order. Other ids
 * (sources, landmarks) may come and go; these are the public contract.
 */
export function anchorTargets(html: string): string[] {
  return [...mainContent(html).matchAll(/<(h[2-6]|li)\b[^>]*?\sid="([^"]+)"/gi)]
    .filter((m) => m[1]?.toLowerCase() !== 'li' || m[2]?.startsWith('step-'))
    .map((m) => m[2] ?? '');
}

export interface LinkTarget {
  /** The element and attribute it came from: `a`, `link`, `script`, `img`, `source`, `meta`. */
  tag: string;
  url: string;
  /** `<a hreflang>`: a deliberate link into another language (the switcher). */
  hreflang?: string;
}

/** Every URL the document points at: links, stylesheets, scripts, images and the share card's og:image / og:url. */
export function linkTargets(html: string): LinkTarget[] {
  const targets: LinkTarget[] = [];
  for (const m of html.matchAll(/<(a|link|script|img|source|iframe)\b([^>]*)>/gi)) {
    const tag = (m[1] ?? '').toLowerCase();
    const attributes = m[2] ?? '';
    const url = /\s(?:href|src)="([^"]*)"/i.exec(attributes)?.[1];
    if (url === undefined) continue;
    const hreflang = /\shreflang="([^"]*)"/i.exec(attributes)?.[1];
    targets.push({ tag, url: decodeEntities(url), ...(hreflang !== undefined && { hreflang }) });
  }
  for (const m of html.matchAll(/<meta property="og:(?:image|url)" content="([^"]*)"/gi)) {
    targets.push({ tag: 'meta', url: decodeEntities(m[1] ?? '') });
  }
  return targets;
}
