import { getEntry } from 'astro:content';
import en from '../../../i18n/en.json';
import zh from '../../../i18n/zh.json';
import { CHOOSER_FILE, chooserProblems, chooserStringKeys, type Chooser } from '../chooser';
import { COMPARISON_FILE, comparisonProblems, comparisonStringKeys, type ComparisonRow } from '../comparison';
import { guideAnchors, guidesIn } from '../../../components/guide-data';
import { factMarkerProblems, factsInText } from '../../../core/fact-text';
import { LOCALES, type Locale } from '../../../core/locales';
import { SITE_PAGES } from '../../../core/site-pages';

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
  const chooser = (await getEntry('chooser', 'chooser'))?.data;
  const comparison = (await getEntry('comparison', 'comparison'))?.data;
  if (!chooser) throw new Error(`${CHOOSER_FILE}: no chooser was loaded (see the error about the file above)`);
  if (!comparison) throw new Error(`${COMPARISON_FILE}: no comparison was loaded (see the error about the file above)`);
  const guides = await guideAnchors();
  const linkProblems = chooserProblems(chooser, { guides, pages: new Set(Object.keys(SITE_PAGES)) });
  if (linkProblems.length) throw new Error(`${CHOOSER_FILE}:\n  ${linkProblems.join('\n  ')}`);
  const methodSlugs = [...guides].filter(([, g]) => g.kind === 'method').map(([slug]) => slug);
  const rowProblems = comparisonProblems(comparison, methodSlugs);
  if (rowProblems.length) throw new Error(`${COMPARISON_FILE}:\n  ${rowProblems.join('\n  ')}`);
  const stringKeys = [...chooserStringKeys(chooser), ...comparisonStringKeys(comparison), 'compare.tax'];
  const problems = stringProblems(stringKeys);
  if (problems.length)
    throw new Error(`The home page's chooser and comparison need these UI strings:\n  ${problems.join('\n  ')}`);

  const methodsIn = async (locale: Locale) =>
    (await guidesIn(locale)).filter((g) => g.data.kind === 'method').map(({ slug, data }) => ({ slug, data }));
  const methods = Object.fromEntries(
    await Promise.all(LOCALES.map(async (locale) => [locale, await methodsIn(locale)] as const)),
  ) as Record<Locale, Awaited<ReturnType<typeof methodsIn>>>;
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
