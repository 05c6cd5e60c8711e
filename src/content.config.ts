import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { aliasesSchema } from './features/anchors/schema';
import { chooserSchema } from './features/chooser/chooser';
import { comparisonSchema } from './features/chooser/comparison';
import { CONFIDENCE } from './features/facts/confidence';
import { FACT_KINDS, PARTIES } from './features/facts/facts';
import { isAllowedExternalUrl } from './core/external-links';
import { KEYWORD_ANCHOR, KEYWORD_PATTERN, repeatedKeywords } from './features/search/search-index';
import { phrasesSchema } from './features/shopkeeper/shopkeeper-phrases';

/**
 * The content contract. Astro validates every entry against these schemas and fails the build naming the file
 * and the field. Language-neutral facts (codes, numbers, app names, URLs, sources, dates) live once in
 * content/data, every file of it a collection here; only prose in content/guides is translated.
 */

/**
 * A data file's YAML, for Astro's file() loader. A syntax error becomes an entry that fails its schema, named by
 * the error, so the build stops there (the loader itself only logs a parser's error and keeps going).
 */
function readYaml(text: string): { data: unknown } | { error: string } {
  try {
    return { data: parse(text) };
  } catch (error) {
    return { error: `not valid YAML: ${(error as Error).message.replace(/\s+/g, ' ')}` };
  }
}

/**
 * A file that lists entries with an `id`. Each entry also gets its place in the file as `order`: Astro's store
 * sorts entries by id, and some lists keep the authors' order (the operators table: Jazz, Zong, Ufone, Telenor).
 */
const listFile = (path: string) =>
  file(path, {
    parser: (text) => {
      const yaml = readYaml(text);
      if ('error' in yaml) return [{ id: yaml.error }];
      // Whatever the file holds goes to the schema, which names what is wrong.
      return Array.isArray(yaml.data)
        ? yaml.data.map((entry: Record<string, unknown>, order) => ({ ...entry, order }))
        : (yaml.data as Record<string, Record<string, unknown>>);
    },
  });

/**
 * A file that is one document (the chooser, the comparison, the shopkeeper phrases, the anchor aliases): one
 * entry, `id`; an empty file is an empty document.
 */
const documentFile = (path: string, id: string) =>
  file(path, {
    parser: (text) => {
      const yaml = readYaml(text);
      // The schema names what is wrong with the document (a string entry fails every schema).
      const document = 'error' in yaml ? { [yaml.error]: 'not valid YAML' } : { [id]: yaml.data ?? {} };
      return document as Record<string, Record<string, unknown>>;
    },
  });

/** The place of an entry in its file (see listFile). */
const order = z.number().int();

const checkedDate = z.coerce.date();
const allowedUrl = z.url().refine(isAllowedExternalUrl, {
  message:
    'this host is not on the allow-list in src/core/external-links.ts (operators, banks, wallets, regulators, sources)',
});

/** A public document a fact was checked against. */
const sources = defineCollection({
  loader: listFile('content/data/sources.yaml'),
  schema: z.object({
    order,
    name: z.string().min(3),
    url: allowedUrl,
    checked: checkedDate,
  }),
});

const operators = defineCollection({
  loader: listFile('content/data/operators.yaml'),
  schema: z.object({
    order,
    name: z.string(),
    /** `merging`: Telenor Pakistan, being merged into Ufone; its channels may change. */
    status: z.enum(['active', 'merging']),
    website: allowedUrl.optional(),
    confidence: z.enum(CONFIDENCE),
    checked: checkedDate,
    sources: z.array(reference('sources')).min(1),
  }),
});

/** One fact the site states: a code, a number, an app, an amount. Rendered in both languages from here. */
const facts = defineCollection({
  loader: listFile('content/data/facts.yaml'),
  schema: z
    .object({
      order,
      kind: z.enum(FACT_KINDS),
      value: z.string().min(1),
      operator: reference('operators').optional(),
      confidence: z.enum(CONFIDENCE),
      checked: checkedDate,
      sources: z.array(reference('sources')),
      /**
       * Who can confirm a fact that is not confirmed: the marker says "check with your operator / bank / the
       * wallet's provider / the service / PTA". Defaults to the operator for a fact that names one.
       */
      ask: z.enum(PARTIES).optional(),
      /** Why a `likely` fact with no page to cite is likely (FACTS.md: "standard GSM code"). */
      basis: z.string().min(3).optional(),
    })
    .refine(
      (fact) =>
        fact.confidence === 'unverified' || fact.sources.length > 0 || (fact.confidence === 'likely' && fact.basis),
      {
        message:
          'a confirmed or likely fact needs at least one source (a likely one without a page to cite needs a `basis`)',
        path: ['sources'],
      },
    )
    .refine((fact) => fact.confidence === 'confirmed' || fact.operator || fact.ask, {
      message:
        'a fact that is not confirmed needs `ask: operator | bank | wallet | service | pta`, the party its marker tells the reader to check with',
      path: ['ask'],
    })
    .refine((fact) => fact.kind !== 'url' || isAllowedExternalUrl(fact.value), {
      message:
        'a url fact must be an http(s) link to a host on the allow-list in src/core/external-links.ts, without ad parameters',
      path: ['value'],
    }),
});

const guides = defineCollection({
  loader: glob({ pattern: '{zh,en}/*.mdx', base: './content/guides' }),
  schema: z.object({
    title: z.string().min(2).max(80),
    description: z.string().min(20).max(200),
    /** `method`: a way to top up; `reference`: background pages (SIM types, tips, operators). */
    kind: z.enum(['method', 'reference']),
    order: z.number().int().min(1),
    lastChecked: checkedDate,
    sources: z.array(reference('sources')).min(1),
    /**
     * Other words readers search for (easyload, 店里代充, JazzCash/Jazz Cash, "没有流量了"): indexed as hidden
     * search metadata on the record of the section they name (`双卡 (#two-at-once)`) or of the page start, never
     * shown. A keyword leads to one page only (the search-index build step checks). Only words the page really
     * answers; no keyword spam. `~` first (`~小店 (#steps)`) makes a lesser keyword: a word readers may use for the
     * section, weighed like a word of its text (src/features/search/README.md). At most 150 a page: a few per
     * section on the longest guide (tips has 15 sections; three passes of lesser keywords bring English tips to 141).
     */
    keywords: z
      .array(
        z
          .string()
          .trim()
          .min(2)
          .max(60)
          .regex(KEYWORD_PATTERN, { message: 'a keyword may not contain , : [ or ] (list each keyword on its own)' })
          .regex(KEYWORD_ANCHOR, {
            message:
              'name a section as "(#id)" after the words (e.g. "双卡 (#two-at-once)"), with the id of a heading or step of this page',
          }),
      )
      .max(150)
      .refine((list) => repeatedKeywords(list).length === 0, {
        message: 'a keyword is listed twice (case and spaces do not count)',
      })
      .optional(),
  }),
});

/** A collection that is one document file (see documentFile), entry `id`. */
const documentCollection = <S extends z.ZodType>(path: string, id: string, schema: S) =>
  defineCollection({ loader: documentFile(path, id), schema });

/** The home page's chooser ("which way fits you?" and "data gone and no Wi-Fi?"). */
const chooser = documentCollection('content/data/chooser.yaml', 'chooser', chooserSchema);
/** The ways to top up compared on the home page, a row per method guide. */
const comparison = documentCollection('content/data/comparison.yaml', 'comparison', comparisonSchema);
/** The Urdu and English of the shopkeeper card. */
const shopkeeperPhrases = documentCollection(
  'content/data/shopkeeper-phrases.yaml',
  'shopkeeper-phrases',
  phrasesSchema,
);
/** Renamed heading and step ids, by page slug: old id → new id (see the anchors feature). */
const anchorAliases = documentCollection('content/data/anchor-aliases.yaml', 'anchor-aliases', aliasesSchema);

export const collections = { sources, operators, facts, guides, chooser, comparison, shopkeeperPhrases, anchorAliases };
