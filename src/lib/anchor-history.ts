import { ANCHOR_ID } from './anchors';
import { SLUG } from './guides';
import { anchorTargets } from './html';
import { LOCALES } from './locales';
import { splitLocalePath } from './urls';

/**
 * Shipped anchor ids are forever: someone has shared /zh/store/#step-pay in a chat. Two committed files keep
 * that promise:
 *  - content/data/shipped-anchors.json: for each page (language-neutral slug, '' for the homes), every heading
 *    and step id that has been released. `npm run anchors:ship` adds the ids of the current build; ids are never
 *    taken out of it.
 *  - content/data/anchor-aliases.yaml: for each page, old id → the id that replaced it. In the browser, a link
 *    to the old id moves to the new one (src/scripts/anchor-aliases.ts).
 * After each build, src/integrations/anchor-history.ts fails when a shipped id is gone without an alias, or an
 * alias does not lead to an id the page has.
 */

/** Page slug → old id → new id. */
export type AnchorAliases = Record<string, Record<string, string>>;
/** Page slug → ids released so far. */
export type ShippedAnchors = Record<string, string[]>;

export const ALIASES_FILE = 'content/data/anchor-aliases.yaml';
export const SHIPPED_FILE = 'content/data/shipped-anchors.json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkSlug(slug: string, file: string): void {
  if (slug !== '' && !SLUG.test(slug))
    throw new Error(
      `${file}: "${slug}" is not a page slug (lower-case ASCII words joined by hyphens, '' for the home pages)`,
    );
}

/** Validate the parsed aliases file; errors name the file, the page and the id. */
export function parseAnchorAliases(data: unknown, file = ALIASES_FILE): AnchorAliases {
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) throw new Error(`${file}: expected a map of page slug → { old id: new id }`);
  const aliases: AnchorAliases = {};
  for (const [slug, map] of Object.entries(data)) {
    checkSlug(slug, file);
    if (!isRecord(map)) throw new Error(`${file}: ${slug || "''"}: expected a map of old id → new id`);
    const page: Record<string, string> = {};
    for (const [from, to] of Object.entries(map)) {
      if (!ANCHOR_ID.test(from))
        throw new Error(
          `${file}: ${slug || "''"}: "${from}" is not an anchor id (lower-case ASCII words joined by hyphens)`,
        );
      if (typeof to !== 'string' || !ANCHOR_ID.test(to))
        throw new Error(`${file}: ${slug || "''"}.${from}: the new id must be an anchor id, not ${JSON.stringify(to)}`);
      if (to === from) throw new Error(`${file}: ${slug || "''"}.${from}: an alias must lead to a different id`);
      page[from] = to;
    }
    aliases[slug] = page;
  }
  return aliases;
}

/** Validate the parsed shipped-ids file. */
export function parseShippedAnchors(data: unknown, file = SHIPPED_FILE): ShippedAnchors {
  if (!isRecord(data)) throw new Error(`${file}: expected an object of page slug → [ids]`);
  const shipped: ShippedAnchors = {};
  for (const [slug, ids] of Object.entries(data)) {
    checkSlug(slug, file);
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string' && ANCHOR_ID.test(id))) {
      throw new Error(`${file}: "${slug}" must list anchor ids`);
    }
    shipped[slug] = ids;
  }
  return shipped;
}

/**
 * The heading and step ids of every page of a build, by language-neutral slug: only the ids that every language
 * has (the parity check reports the others).
 * @param pages built HTML by URL path (`/zh/store/` → html); pages outside the language folders are ignored
 */
export function builtAnchorIds(pages: ReadonlyMap<string, string>): Record<string, string[]> {
  const bySlug = new Map<string, Map<string, string[]>>();
  for (const [path, html] of pages) {
    const { locale, slug } = splitLocalePath(path);
    if (!locale || !path.endsWith('/')) continue;
    const byLocale = bySlug.get(slug) ?? new Map<string, string[]>();
    byLocale.set(locale, anchorTargets(html));
    bySlug.set(slug, byLocale);
  }
  const result: Record<string, string[]> = {};
  for (const [slug, byLocale] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    const [first = [], ...rest] = LOCALES.map((l) => byLocale.get(l) ?? []);
    result[slug] = first.filter((id) => rest.every((ids) => ids.includes(id)));
  }
  return result;
}

const pageName = (slug: string) => (slug ? `/${slug}/` : '/ (home)');

/** Why this build breaks a promise made by an earlier release; empty when it keeps every one. */
export function anchorHistoryProblems(
  built: Record<string, readonly string[]>,
  shipped: ShippedAnchors,
  aliases: AnchorAliases,
): string[] {
  const problems: string[] = [];
  for (const [slug, ids] of Object.entries(shipped)) {
    const have = built[slug];
    if (!have) {
      problems.push(
        `${pageName(slug)}: this page was shipped but is no longer built; its URL must keep working (restore it, or redirect it and take it out of ${SHIPPED_FILE})`,
      );
      continue;
    }
    for (const id of ids) {
      if (have.includes(id) || Object.hasOwn(aliases[slug] ?? {}, id)) continue;
      problems.push(
        `${pageName(slug)}: the shipped id #${id} is gone. Shared links use it: add the id that replaces it to ${ALIASES_FILE} as\n      ${slug || "''"}:\n        ${id}: <new-id>`,
      );
    }
  }
  for (const [slug, map] of Object.entries(aliases)) {
    const have = built[slug];
    if (!have) {
      problems.push(`${ALIASES_FILE}: ${pageName(slug)} is not a page of the site`);
      continue;
    }
    for (const [from, to] of Object.entries(map)) {
      if (have.includes(from))
        problems.push(
          `${ALIASES_FILE}: ${pageName(slug)} has #${from} again, so its alias to #${to} would hide it: remove the alias`,
        );
      if (!have.includes(to))
        problems.push(
          `${ALIASES_FILE}: ${pageName(slug)} has no #${to}, so the alias from #${from} leads nowhere: point it at a current id`,
        );
    }
  }
  return problems;
}

/** The shipped list after a release of this build: every id ever shipped, plus the current ones. */
export function recordShipped(shipped: ShippedAnchors, built: Record<string, readonly string[]>): ShippedAnchors {
  const slugs = [...new Set([...Object.keys(shipped), ...Object.keys(built)])].sort();
  return Object.fromEntries(
    slugs.map((slug) => [slug, [...new Set([...(shipped[slug] ?? []), ...(built[slug] ?? [])])]]),
  );
}

/**
 * In the browser: the id an old #hash now stands for, when the page lacks the old id and has its replacement.
 * @param exists whether the page has an element with this id
 */
export function aliasTarget(
  hash: string,
  aliases: Readonly<Record<string, string>>,
  exists: (id: string) => boolean,
): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (!id || exists(id) || !Object.hasOwn(aliases, id)) return undefined;
  const next = aliases[id];
  return next && exists(next) ? next : undefined;
}
