import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CONFIDENCE } from './lib/confidence';
import { FACT_KINDS } from './lib/facts';
import { isAllowedExternalUrl } from './lib/external-links';
import { KEYWORD_ANCHOR, KEYWORD_PATTERN, repeatedKeywords } from './lib/search-index';

/**
 * The content contract. Astro validates every entry against these schemas and fails the build naming the file
 * and the field. Language-neutral facts (codes, numbers, app names, URLs, sources, dates) live once in
 * content/data; only prose in content/guides is translated.
 */

const checkedDate = z.coerce.date();
const allowedUrl = z.url().refine(isAllowedExternalUrl, {
  message:
    'this host is not on the allow-list in src/lib/external-links.ts (operators, banks, wallets, regulators, sources)',
});

/** A public document a fact was checked against. */
const sources = defineCollection({
  loader: file('content/data/sources.yaml'),
  schema: z.object({
    name: z.string().min(3),
    url: allowedUrl,
    checked: checkedDate,
  }),
});

const operators = defineCollection({
  loader: file('content/data/operators.yaml'),
  schema: z.object({
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
  loader: file('content/data/facts.yaml'),
  schema: z
    .object({
      kind: z.enum(FACT_KINDS),
      value: z.string().min(1),
      operator: reference('operators').optional(),
      confidence: z.enum(CONFIDENCE),
      checked: checkedDate,
      sources: z.array(reference('sources')),
    })
    .refine((fact) => fact.confidence === 'unverified' || fact.sources.length > 0, {
      message: 'a confirmed or likely fact needs at least one source',
      path: ['sources'],
    })
    .refine((fact) => fact.kind !== 'url' || isAllowedExternalUrl(fact.value), {
      message:
        'a url fact must be an http(s) link to a host on the allow-list in src/lib/external-links.ts, without ad parameters',
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
     * shown. A keyword leads to one page only (the search-index integration checks). Only words the page really
     * answers; no keyword spam.
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
      .max(40)
      .refine((list) => repeatedKeywords(list).length === 0, {
        message: 'a keyword is listed twice (case and spaces do not count)',
      })
      .optional(),
  }),
});

export const collections = { sources, operators, facts, guides };
