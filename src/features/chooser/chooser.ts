import { z } from 'astro/zod';
import { ANCHOR_ID } from '../../core/anchors';
import { asciiId, unique } from '../../core/schema';

export { rankMethods, type AnswerRule, type Fit } from './rank-methods';

/**
 * The home page's "which way fits me?" chooser: the schema of content/data/chooser.yaml (a content collection,
 * see src/content.config.ts) and the checks against the rest of the site, so a typo (a guide that does not exist,
 * an anchor that is not on the page, a method nobody can reach) fails the build naming the file and the field.
 * Its words are UI strings (`finder.*` in src/i18n/*.json); the file holds the structure:
 *
 * - `no-data`: the box for readers whose data has run out and who have no Wi-Fi, each item with its links;
 * - `questions`: what the reader has, each answer with the pages that fit it (the list shown without JavaScript),
 *   and, for the interactive chooser, the methods it recommends and those it rules out.
 */
export const CHOOSER_FILE = 'content/data/chooser.yaml';

/** Ids the home page uses itself: a question may not take them. */
export const HOME_IDS = ['main', 'no-data', 'which-way', 'guides', 'reference', 'sources'] as const;

const link = z.strictObject({
  /** A guide slug (content/guides/<lang>/<to>.mdx) or a page of SITE_PAGES (`show-shopkeeper`). */
  to: asciiId('convenience-shop', 'needs a page: a guide slug or show-shopkeeper, in lower-case ASCII'),
  /** A heading or step id on that page. */
  anchor: z.string().regex(ANCHOR_ID, "write the id without '#', in lower-case ASCII").optional(),
  /** Link text from the UI string `finder.link.<label>`; without it, the page's title. */
  label: z
    .string()
    .regex(ANCHOR_ID, 'a label is the last part of a UI string key (finder.link.<label>), in lower-case ASCII')
    .optional(),
});

const links = z
  .array(link, { error: 'needs a list of at least one link, like "- to: convenience-shop"' })
  .min(1, 'needs a list of at least one link, like "- to: convenience-shop"');

const methodSlugs = z
  .array(z.string(), { error: 'needs a list of method slugs, like [store, convenience-shop]' })
  .default([]);

const answer = z.strictObject({
  id: asciiId('no-data'),
  links,
  /** Methods this answer points to: the more answers recommend a method, the higher it comes. */
  recommend: methodSlugs,
  /** Methods that cannot work with this answer (no internet rules out paying online). */
  exclude: methodSlugs,
});

const question = z.strictObject({
  id: asciiId('connection').refine((id) => !(HOME_IDS as readonly string[]).includes(id), {
    error: (issue) => `the home page already uses the id "${String(issue.input)}"; choose another`,
  }),
  answers: unique(z.array(answer).min(2, 'needs at least two answers')),
});

const noDataItem = z.strictObject({ id: asciiId('shop'), links });

/** The schema of content/data/chooser.yaml. */
export const chooserSchema = z
  .strictObject({
    'no-data': unique(z.array(noDataItem, { error: 'needs a list of items, each with an id and links' }).min(1)),
    questions: unique(z.array(question, { error: 'needs a list of questions, each with an id and answers' }).min(1)),
  })
  .transform(({ 'no-data': noData, questions }) => ({ noData, questions }));

export type Chooser = z.output<typeof chooserSchema>;
export type NoDataItem = Chooser['noData'][number];
export type Question = Chooser['questions'][number];
export type Answer = Question['answers'][number];
export type ChooserLink = NoDataItem['links'][number];

/** What the chooser may point at: every guide with its kind and anchor ids (in every language), and other pages. */
export interface SiteMap {
  guides: ReadonlyMap<string, { kind: 'method' | 'reference'; anchors: ReadonlySet<string> }>;
  pages: ReadonlySet<string>;
}

function linkProblems(link: ChooserLink, where: string, site: SiteMap): string[] {
  const guide = site.guides.get(link.to);
  if (!guide && !site.pages.has(link.to)) {
    return [
      `${where}: "${link.to}" is neither a guide (content/guides/<lang>/${link.to}.mdx) nor one of the pages ${[...site.pages].join(', ')}`,
    ];
  }
  if (link.anchor === undefined) return [];
  if (!guide) return [`${where}: anchors can only point into guides, not into "${link.to}"`];
  return guide.anchors.has(link.anchor)
    ? []
    : [`${where}: "#${link.anchor}" is not a heading or step id of ${link.to} (in every language)`];
}

/** Links and method lists that point nowhere, and methods the chooser never links to; empty when all is well. */
export function chooserProblems(chooser: Chooser, site: SiteMap): string[] {
  const problems: string[] = [];
  const methods = [...site.guides].filter(([, g]) => g.kind === 'method').map(([slug]) => slug);
  for (const item of chooser.noData) {
    item.links.forEach((link, i) => problems.push(...linkProblems(link, `no-data.${item.id}.links[${i}]`, site)));
  }
  for (const question of chooser.questions) {
    for (const answer of question.answers) {
      const where = `questions.${question.id}.answers.${answer.id}`;
      answer.links.forEach((link, i) => problems.push(...linkProblems(link, `${where}.links[${i}]`, site)));
      for (const field of ['recommend', 'exclude'] as const) {
        for (const slug of answer[field]) {
          if (!methods.includes(slug))
            problems.push(`${where}.${field}: "${slug}" is not a method guide; methods are ${methods.join(', ')}`);
        }
      }
      const both = answer.recommend.filter((slug) => answer.exclude.includes(slug));
      if (both.length) problems.push(`${where}: ${both.join(', ')} is both recommended and excluded`);
    }
  }
  const linked = new Set(chooser.questions.flatMap((q) => q.answers.flatMap((a) => a.links.map((l) => l.to))));
  const unreachable = methods.filter((slug) => !linked.has(slug));
  if (unreachable.length)
    problems.push(
      `questions: no answer links to ${unreachable.join(', ')}; every method must be reachable without JavaScript`,
    );
  return problems;
}

/** Every UI string the chooser needs, for a check that names the missing ones. */
export function chooserStringKeys(chooser: Chooser): string[] {
  const labels = (links: readonly ChooserLink[]) => links.flatMap((l) => (l.label ? [`finder.link.${l.label}`] : []));
  return [
    ...new Set([
      ...chooser.noData.flatMap((item) => [
        `finder.noData.${item.id}.title`,
        `finder.noData.${item.id}.text`,
        ...labels(item.links),
      ]),
      ...chooser.questions.flatMap((q) => [
        `finder.q.${q.id}`,
        ...q.answers.flatMap((a) => [`finder.a.${q.id}.${a.id}`, ...labels(a.links)]),
      ]),
    ]),
  ];
}
