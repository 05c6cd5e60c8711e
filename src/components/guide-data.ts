import { getCollection, type CollectionEntry } from 'astro:content';
import { parseGuideId } from '../core/guides';
import type { Locale } from '../core/locales';

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
