import { parse } from 'yaml';

/**
 * The comparison of the ways to top up on the home page, read from content/data/comparison.yaml: one row per
 * method guide, one value per column, each value a word from a fixed list. Both languages render the same rows;
 * the words are UI strings `compare.<column>.<value>` (the column's own label is `compare.<column>`). Only what
 * the fact sheet supports goes in: where it depends, the value says so.
 */
export const COMPARISON_FILE = 'content/data/comparison.yaml';

/**
 * Columns, their values and how each value reads for the reader: `easy` (nothing needed, it works), `hard` (it
 * needs something, or does not work) or `mixed` (it depends). Cost has no tone: it is a sentence, not a yes/no.
 */
export const COLUMNS = {
  internet: { none: 'easy', needed: 'hard', 'travel-esim': 'mixed', helper: 'easy' },
  'no-data': { works: 'easy', 'not-without-wifi': 'hard', helper: 'easy', 'pakistani-esim': 'mixed' },
  account: { none: 'easy', needed: 'hard', 'or-card': 'easy' },
  esim: { both: 'easy', pakistani: 'mixed' },
  cost: {
    load: null,
    'load-ask': null,
    'load-bank': null,
    'load-wallet': null,
    checkout: null,
    package: null,
    repay: null,
  },
} as const satisfies Record<string, Record<string, Tone | null>>;

export type Tone = 'easy' | 'hard' | 'mixed';
export type Column = keyof typeof COLUMNS;
export const COLUMN_IDS = Object.keys(COLUMNS) as Column[];

export interface ComparisonRow {
  method: string;
  values: Record<Column, string>;
}

/** The UI string for a column's label, or for one of its values. */
export function comparisonKey(column: Column, value?: string): string {
  return value === undefined ? `compare.${column}` : `compare.${column}.${value}`;
}

export function toneOf(column: Column, value: string): Tone | null {
  return (COLUMNS[column] as Record<string, Tone | null>)[value] ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rows and problems, each problem as `field: problem`: every method guide exactly once (and nothing else), every
 * column with one of its values.
 */
export function readComparison(
  data: unknown,
  methods: readonly string[],
): { rows: ComparisonRow[]; problems: string[] } {
  const problems: string[] = [];
  if (!Array.isArray(data))
    return { rows: [], problems: ['the file must be a list of rows, each starting "- method: <slug>"'] };
  const rows = data.flatMap((raw, i): ComparisonRow[] => {
    if (!isRecord(raw) || typeof raw['method'] !== 'string') {
      problems.push(`[${i}]: each row starts with "method: <slug>"`);
      return [];
    }
    const method = raw['method'];
    const where = method;
    if (!methods.includes(method))
      problems.push(`${where}: "${method}" is not a method guide; methods are ${methods.join(', ')}`);
    const unknown = Object.keys(raw).filter((k) => k !== 'method' && !(k in COLUMNS));
    if (unknown.length)
      problems.push(`${where}: unknown column ${unknown.join(', ')}; columns are ${COLUMN_IDS.join(', ')}`);
    const values = {} as Record<Column, string>;
    for (const column of COLUMN_IDS) {
      const value = raw[column];
      const allowed = Object.keys(COLUMNS[column]);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        problems.push(
          `${where}.${column}: ${value === undefined ? 'missing' : `"${String(value)}" is not allowed`}; write one of ${allowed.join(', ')}`,
        );
      } else values[column] = value;
    }
    return [{ method, values }];
  });
  const listed = rows.map((r) => r.method);
  const twice = listed.filter((m, i) => listed.indexOf(m) !== i);
  if (twice.length) problems.push(`${[...new Set(twice)].join(', ')}: listed more than once`);
  const missing = methods.filter((m) => !listed.includes(m));
  if (missing.length) problems.push(`missing a row for ${missing.join(', ')}: every method guide is compared`);
  return { rows, problems };
}

/** Parse and check content/data/comparison.yaml against the method guides; throws one error listing every problem. */
export function parseComparison(text: string, methods: readonly string[], file = COMPARISON_FILE): ComparisonRow[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const { rows, problems } = readComparison(data, methods);
  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return rows;
}

/** Every UI string the comparison needs: each column's label and each value it uses. */
export function comparisonStringKeys(rows: readonly ComparisonRow[]): string[] {
  return [
    ...new Set([
      ...COLUMN_IDS.map((c) => comparisonKey(c)),
      ...rows.flatMap((r) => COLUMN_IDS.map((c) => comparisonKey(c, r.values[c]))),
    ]),
  ];
}
