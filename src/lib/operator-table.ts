import type { Confidence } from './confidence';

/**
 * The operators quick reference: every operator of content/data/operators.yaml, in data order, with the facts of
 * content/data/facts.yaml that name it (`operator: jazz`), in data order. Both languages render the same blocks;
 * only the labels (UI strings `operators.fact.<fact id>`) are translated.
 */
export interface OperatorData {
  id: string;
  name: string;
  status: 'active' | 'merging';
  website?: string | undefined;
  confidence: Confidence;
  sourceIds: readonly string[];
}

export interface OperatorFactData {
  id: string;
  operator?: string | undefined;
  sourceIds: readonly string[];
}

export interface OperatorBlock {
  operator: OperatorData;
  /** Ids of the facts that belong to this operator, in the order of facts.yaml. */
  factIds: string[];
}

/**
 * The ids of a data file (content/data/*.yaml, a list of `- id: …` entries) in the order they are written. Astro's
 * data store sorts entries by id; the table keeps the authors' order instead (Jazz, Zong, Ufone, Telenor).
 */
export function idsInFileOrder(yaml: string): string[] {
  return [...yaml.matchAll(/^- id:\s*["']?([^"'\s#]+)/gm)].map((m) => m[1] ?? '');
}

/** `items` sorted by the position of their id in `order`; an id missing from `order` is an error naming `file`. */
export function sortByFileOrder<T extends { id: string }>(
  items: readonly T[],
  order: readonly string[],
  file: string,
): T[] {
  const position = new Map(order.map((id, i) => [id, i]));
  const unknown = items.filter((item) => !position.has(item.id)).map((item) => item.id);
  if (unknown.length)
    throw new Error(
      `${file}: could not find the line "- id: ${unknown[0]}"; write every entry as "- id: <id>" at the start of a line`,
    );
  return [...items].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

export function operatorBlocks(
  operators: readonly OperatorData[],
  facts: readonly OperatorFactData[],
): OperatorBlock[] {
  const known = new Set(operators.map((o) => o.id));
  const stray = facts.filter((f) => f.operator !== undefined && !known.has(f.operator));
  if (stray.length) {
    throw new Error(
      `content/data/facts.yaml: ${stray.map((f) => `"${f.id}" names operator "${f.operator}"`).join(', ')}, which is not in content/data/operators.yaml`,
    );
  }
  return operators.map((operator) => ({
    operator,
    factIds: facts.filter((f) => f.operator === operator.id).map((f) => f.id),
  }));
}

/** The UI string that says what a fact is, e.g. "Bundle menu" for `zong-bundle-menu`. */
export function factLabelKey(factId: string): string {
  return `operators.fact.${factId}`;
}

/** Label keys the blocks need that a language lacks, as one error message naming the files; undefined when complete. */
export function missingFactLabels(
  blocks: readonly OperatorBlock[],
  keysByFile: Record<string, ReadonlySet<string>>,
): string | undefined {
  const lines: string[] = [];
  for (const [file, keys] of Object.entries(keysByFile)) {
    const missing = blocks.flatMap((b) => b.factIds.map(factLabelKey)).filter((key) => !keys.has(key));
    if (missing.length) lines.push(`${file} is missing: ${missing.join(', ')}`);
  }
  if (!lines.length) return undefined;
  return (
    'The operators table shows every fact of content/data/facts.yaml that has an `operator`, each with a label ' +
    `saying what it is. Add the labels:\n  ${lines.join('\n  ')}`
  );
}

/**
 * What the table cites, so the page can number it in its source list: the facts it renders (their sources come
 * with them) and each operator's own sources (cited at its status and website).
 */
export function citedByOperatorTable(blocks: readonly OperatorBlock[]): { factIds: string[]; sourceIds: string[] } {
  return {
    factIds: blocks.flatMap((b) => b.factIds),
    sourceIds: [...new Set(blocks.flatMap((b) => b.operator.sourceIds))],
  };
}

/** A website shown the short way: `https://www.zong.com.pk/` → `zong.com.pk`. */
export function displayHost(url: string): string {
  const { hostname, pathname } = new URL(url);
  const host = hostname.replace(/^www\./, '');
  return pathname === '/' ? host : `${host}${pathname.replace(/\/$/, '')}`;
}
