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
