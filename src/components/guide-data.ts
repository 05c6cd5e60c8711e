import { getCollection, type CollectionEntry } from 'astro:content';
import { parseGuideId } from '../core/guides';
import { LOCALES, type Locale } from '../core/locales';
import { loadOperatorBlocks } from '../features/facts/build/operator-table-data';

export interface GuideSummary {
  locale: Locale;
  slug: string;
  data: CollectionEntry<'guides'>['data'];
}

/** The guides of one language, in their frontmatter order: for pages that list them (home, search, offline). */
export async function guidesIn(locale: Locale): Promise<GuideSummary[]> {
  return (await getCollection('guides'))
    .map((entry) => ({ ...parseGuideId(entry.id), data: entry.data }))
    .filter((g) => g.locale === locale)
    .sort((a, b) => a.data.order - b.data.order);
}

/** Heading and step ids written in a guide: `## Title [#id]` and `1. [#step-x] …`. */
function markerIds(mdx: string): string[] {
  return [...mdx.matchAll(/\[#([a-z0-9]+(?:-[a-z0-9]+)*)\]/g)].map((m) => m[1] ?? '');
}

/** Ids that components write into a guide: the operators table's operator headings (/operators/#zong). */
async function componentIds(mdx: string): Promise<string[]> {
  if (!/<OperatorTable\b/.test(mdx)) return [];
  return (await loadOperatorBlocks()).map((block) => block.operator.id);
}

export interface GuideAnchors {
  kind: 'method' | 'reference';
  /** The heading and step ids every language of the guide has, and its source list (`sources`). */
  anchors: ReadonlySet<string>;
}

/**
 * Every guide by slug, with its kind and the anchor ids a link may point at, read from the sources before the
 * pages are built (after the build, the anchors feature checks that the languages agree on them).
 */
export async function guideAnchors(): Promise<Map<string, GuideAnchors>> {
  const byLocale = new Map<string, Map<Locale, Set<string>>>();
  const kinds = new Map<string, 'method' | 'reference'>();
  for (const entry of await getCollection('guides')) {
    const { locale, slug } = parseGuideId(entry.id);
    const body = entry.body ?? '';
    const ids = new Set([...markerIds(body), ...(await componentIds(body)), 'sources']);
    if (!byLocale.has(slug)) byLocale.set(slug, new Map());
    byLocale.get(slug)!.set(locale, ids);
    kinds.set(slug, entry.data.kind);
  }
  return new Map(
    [...byLocale].map(([slug, locales]) => {
      const sets = LOCALES.map((l) => locales.get(l) ?? new Set<string>());
      const anchors = new Set([...sets[0]!].filter((id) => sets.every((s) => s.has(id))));
      return [slug, { kind: kinds.get(slug)!, anchors }] as const;
    }),
  );
}
