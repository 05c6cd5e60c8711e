import { parse } from 'yaml';
import { ANCHOR_ID } from './anchors';

export { rankMethods, type AnswerRule, type Fit } from './rank-methods';

/**
 * The home page's "which way fits me?" chooser, read from content/data/chooser.yaml and checked, so a typo (a
 * guide that does not exist, an anchor that is not on the page, a method nobody can reach) fails the build naming
 * the file and the field. Its words are UI strings (`finder.*` in src/i18n/*.json); this file holds the structure:
 *
 * - `no-data`: the box for readers whose data has run out and who have no Wi-Fi, each item with its links;
 * - `questions`: what the reader has, each answer with the pages that fit it (the list shown without JavaScript),
 *   and, for the interactive chooser, the methods it recommends and those it rules out.
 */
export const CHOOSER_FILE = 'content/data/chooser.yaml';

export interface ChooserLink {
  /** A guide slug (content/guides/<lang>/<to>.mdx) or a page of SITE_PAGES (`show-shopkeeper`). */
  to: string;
  /** A heading or step id on that page. */
  anchor?: string;
  /** Link text from the UI string `finder.link.<label>`; without it, the page's title. */
  label?: string;
}

export interface NoDataItem {
  id: string;
  links: ChooserLink[];
}

export interface Answer {
  id: string;
  links: ChooserLink[];
  /** Methods this answer points to: the more answers recommend a method, the higher it comes. */
  recommend: string[];
  /** Methods that cannot work with this answer (no internet rules out paying online). */
  exclude: string[];
}

export interface Question {
  id: string;
  answers: Answer[];
}

export interface Chooser {
  noData: NoDataItem[];
  questions: Question[];
}

/** Ids the home page uses itself: a question may not take them. */
export const HOME_IDS = ['main', 'no-data', 'which-way', 'guides', 'reference', 'sources'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idProblem(value: unknown, where: string): string | undefined {
  if (typeof value !== 'string' || !ANCHOR_ID.test(value))
    return `${where}: needs an id in lower-case ASCII words joined by hyphens, like "no-data"`;
  return undefined;
}

function parseLinks(value: unknown, where: string, problems: string[]): ChooserLink[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${where}.links: needs a list of at least one link, like "- to: convenience-shop"`);
    return [];
  }
  return value.flatMap((raw, i) => {
    const at = `${where}.links[${i}]`;
    if (!isRecord(raw)) {
      problems.push(`${at}: write a link as "to: <slug>", with optional "anchor" and "label"`);
      return [];
    }
    const unknown = Object.keys(raw).filter((k) => !['to', 'anchor', 'label'].includes(k));
    if (unknown.length) problems.push(`${at}: unknown field ${unknown.join(', ')}; a link has to, anchor and label`);
    const { to, anchor, label } = raw;
    const bad = idProblem(to, `${at}.to`);
    if (bad) problems.push(bad);
    if (anchor !== undefined && (typeof anchor !== 'string' || !ANCHOR_ID.test(anchor)))
      problems.push(`${at}.anchor: write the id without '#', in lower-case ASCII`);
    if (label !== undefined && (typeof label !== 'string' || !ANCHOR_ID.test(label)))
      problems.push(
        `${at}.label: a label is the last part of a UI string key (finder.link.<label>), in lower-case ASCII`,
      );
    return [
      { to: String(to), ...(typeof anchor === 'string' && { anchor }), ...(typeof label === 'string' && { label }) },
    ];
  });
}

function parseSlugList(value: unknown, where: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problems.push(`${where}: needs a list of method slugs, like [store, convenience-shop]`);
    return [];
  }
  return value as string[];
}

function duplicateIds(items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? true : (seen.add(item.id), false))).map((item) => item.id);
}

/** Everything wrong with the file's shape, each as `field: problem`, and what could be read. */
export function readChooser(data: unknown): { chooser: Chooser; problems: string[] } {
  const problems: string[] = [];
  const chooser: Chooser = { noData: [], questions: [] };
  if (!isRecord(data)) return { chooser, problems: ['the file must be a mapping with `no-data` and `questions`'] };
  const unknown = Object.keys(data).filter((k) => !['no-data', 'questions'].includes(k));
  if (unknown.length) problems.push(`unknown field ${unknown.join(', ')}; the file has no-data and questions`);

  const noData = data['no-data'];
  if (!Array.isArray(noData) || noData.length === 0)
    problems.push('no-data: needs a list of items, each with an id and links');
  else {
    chooser.noData = noData.flatMap((raw, i) => {
      const where = `no-data[${i}]`;
      if (!isRecord(raw)) return (problems.push(`${where}: write an item as "id: …" with "links"`), []);
      const bad = idProblem(raw['id'], `${where}.id`);
      if (bad) return (problems.push(bad), []);
      const id = String(raw['id']);
      return [{ id, links: parseLinks(raw['links'], `no-data.${id}`, problems) }];
    });
  }

  const questions = data['questions'];
  if (!Array.isArray(questions) || questions.length === 0)
    problems.push('questions: needs a list of questions, each with an id and answers');
  else {
    chooser.questions = questions.flatMap((raw, i) => {
      const where = `questions[${i}]`;
      if (!isRecord(raw)) return (problems.push(`${where}: write a question as "id: …" with "answers"`), []);
      const bad = idProblem(raw['id'], `${where}.id`);
      if (bad) return (problems.push(bad), []);
      const id = String(raw['id']);
      if ((HOME_IDS as readonly string[]).includes(id))
        problems.push(`questions.${id}: the home page already uses the id "${id}"; choose another`);
      const answers = raw['answers'];
      if (!Array.isArray(answers) || answers.length < 2) {
        problems.push(`questions.${id}.answers: needs at least two answers`);
        return [{ id, answers: [] }];
      }
      const parsed = answers.flatMap((a, j): Answer[] => {
        const at = `questions.${id}.answers[${j}]`;
        if (!isRecord(a)) return (problems.push(`${at}: write an answer as "id: …" with "links"`), []);
        const badAnswer = idProblem(a['id'], `${at}.id`);
        if (badAnswer) return (problems.push(badAnswer), []);
        const answerId = String(a['id']);
        const named = `questions.${id}.answers.${answerId}`;
        const extra = Object.keys(a).filter((k) => !['id', 'links', 'recommend', 'exclude'].includes(k));
        if (extra.length)
          problems.push(`${named}: unknown field ${extra.join(', ')}; an answer has id, links, recommend and exclude`);
        return [
          {
            id: answerId,
            links: parseLinks(a['links'], named, problems),
            recommend: parseSlugList(a['recommend'], `${named}.recommend`, problems),
            exclude: parseSlugList(a['exclude'], `${named}.exclude`, problems),
          },
        ];
      });
      for (const dup of duplicateIds(parsed)) problems.push(`questions.${id}: the answer id "${dup}" is used twice`);
      return [{ id, answers: parsed }];
    });
    for (const dup of duplicateIds(chooser.questions)) problems.push(`questions: the id "${dup}" is used twice`);
  }
  for (const dup of duplicateIds(chooser.noData)) problems.push(`no-data: the id "${dup}" is used twice`);
  return { chooser, problems };
}

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

/** Parse and check the shape of content/data/chooser.yaml; throws one error listing every problem. */
export function parseChooser(text: string, file = CHOOSER_FILE): Chooser {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const { chooser, problems } = readChooser(data);
  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return chooser;
}
