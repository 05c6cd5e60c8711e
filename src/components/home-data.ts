import { getCollection } from 'astro:content';
import en from '../i18n/en.json';
import zh from '../i18n/zh.json';
import chooserSource from '../../content/data/chooser.yaml?raw';
import comparisonSource from '../../content/data/comparison.yaml?raw';
import {
  CHOOSER_FILE,
  chooserProblems,
  chooserStringKeys,
  parseChooser,
  type Chooser,
  type SiteMap,
} from '../lib/chooser';
import { comparisonStringKeys, parseComparison, type ComparisonRow } from '../lib/comparison';
import { factMarkerProblems, factsInText } from '../lib/fact-text';
import { parseGuideId } from '../lib/guides';
import { LOCALES, type Locale } from '../lib/locales';
import { SITE_PAGES } from '../lib/site-pages';
import { loadOperatorBlocks } from './operator-table-data';

/**
 * The home page's data: the chooser (content/data/chooser.yaml) and the comparison (content/data/comparison.yaml),
 * checked against the guides that exist, their anchor ids and the UI strings, so a mistake fails the build naming
 * the file. Loaded once per build.
 */
export interface HomeData {
  chooser: Chooser;
  comparison: ComparisonRow[];
  /** Method guides in their `order`, per language, with title and description. */
  methods: Record<Locale, { slug: string; data: { title: string; description: string; order: number } }[]>;
  /** Every UI string key the home shows that may hold `{fact:…}` markers. */
  stringKeys: string[];
}

const STRINGS: Record<Locale, Record<string, string>> = { en, zh };
const FILES: Record<Locale, string> = { en: 'src/i18n/en.json', zh: 'src/i18n/zh.json' };

/** Heading and step ids written in a guide: `## Title [#id]` and `1. [#step-x] …`. */
function markerIds(mdx: string): string[] {
  return [...mdx.matchAll(/\[#([a-z0-9]+(?:-[a-z0-9]+)*)\]/g)].map((m) => m[1] ?? '');
}

/** Ids that components write into a guide: the operators table's operator headings (/operators/#zong). */
async function componentIds(mdx: string): Promise<string[]> {
  if (!/<OperatorTable\b/.test(mdx)) return [];
  return (await loadOperatorBlocks()).map((block) => block.operator.id);
}

async function siteMap(): Promise<SiteMap> {
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
  // An anchor counts only when every language has it (the anchor-parity check makes them agree anyway).
  const guides = new Map(
    [...byLocale].map(([slug, locales]) => {
      const sets = LOCALES.map((l) => locales.get(l) ?? new Set<string>());
      const anchors = new Set([...sets[0]!].filter((id) => sets.every((s) => s.has(id))));
      return [slug, { kind: kinds.get(slug)!, anchors }] as const;
    }),
  );
  return { guides, pages: new Set(Object.keys(SITE_PAGES)) };
}

function stringProblems(keys: readonly string[]): string[] {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const missing = keys.filter((key) => !(key in STRINGS[locale]));
    if (missing.length) problems.push(`${FILES[locale]} is missing: ${missing.join(', ')}`);
  }
  for (const key of keys) {
    if (LOCALES.every((l) => key in STRINGS[l])) {
      problems.push(
        ...factMarkerProblems(key, Object.fromEntries(LOCALES.map((l) => [FILES[l], STRINGS[l][key] ?? '']))),
      );
    }
  }
  return problems;
}

let cached: Promise<HomeData> | undefined;

async function load(): Promise<HomeData> {
  const chooser = parseChooser(chooserSource);
  const site = await siteMap();
  const linkProblems = chooserProblems(chooser, site);
  if (linkProblems.length) throw new Error(`${CHOOSER_FILE}:\n  ${linkProblems.join('\n  ')}`);
  const methodSlugs = [...site.guides].filter(([, g]) => g.kind === 'method').map(([slug]) => slug);
  const comparison = parseComparison(comparisonSource, methodSlugs);
  const stringKeys = [...chooserStringKeys(chooser), ...comparisonStringKeys(comparison), 'compare.tax'];
  const problems = stringProblems(stringKeys);
  if (problems.length)
    throw new Error(`The home page's chooser and comparison need these UI strings:\n  ${problems.join('\n  ')}`);

  const guides = (await getCollection('guides')).map((entry) => ({ ...parseGuideId(entry.id), data: entry.data }));
  const methodsIn = (locale: Locale) =>
    guides
      .filter((g) => g.locale === locale && g.data.kind === 'method')
      .sort((a, b) => a.data.order - b.data.order)
      .map(({ slug, data }) => ({ slug, data }));
  const methods = Object.fromEntries(LOCALES.map((locale) => [locale, methodsIn(locale)])) as Record<
    Locale,
    ReturnType<typeof methodsIn>
  >;
  return { chooser, comparison, methods, stringKeys };
}

export function loadHomeData(): Promise<HomeData> {
  cached ??= load();
  return cached;
}

/** The facts the home page shows in a language, from the `{fact:…}` markers of its strings, in order. */
export function homeFacts(data: HomeData, locale: Locale): string[] {
  return [...new Set(data.stringKeys.flatMap((key) => factsInText(STRINGS[locale][key] ?? '')))];
}
