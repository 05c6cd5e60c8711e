import { z } from 'astro/zod';
import { unique } from '../../core/schema';

/**
 * The comparison of the ways to top up on the home page, from content/data/comparison.yaml: one row per
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

const allowed = (column: Column) => Object.keys(COLUMNS[column]) as [string, ...string[]];

/** One value of a column: a word from its list. */
function columnValue(column: Column) {
  const words = allowed(column);
  return z.enum(words, {
    error: (issue) =>
      `${issue.input === undefined ? 'missing' : `"${String(issue.input)}" is not allowed`}; write one of ${words.join(', ')}`,
  });
}

const row = z.strictObject(
  {
    method: z.string({ error: 'each row starts with "method: <slug>"' }),
    ...(Object.fromEntries(COLUMN_IDS.map((column) => [column, columnValue(column)])) as Record<
      Column,
      ReturnType<typeof columnValue>
    >),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown column ${issue.keys.join(', ')}; columns are ${COLUMN_IDS.join(', ')}`
        : undefined,
  },
);

/** The schema of content/data/comparison.yaml: a list of rows, each method once. */
export const comparisonSchema = unique(
  z.array(row, { error: 'the file must be a list of rows, each starting "- method: <slug>"' }),
  'method',
  (method) => `${method}: listed more than once`,
).transform((rows): ComparisonRow[] =>
  rows.map(({ method, ...values }) => ({ method, values: values as Record<Column, string> })),
);

/** Rows for methods that are not method guides, and method guides without a row; empty when they match. */
export function comparisonProblems(rows: readonly ComparisonRow[], methods: readonly string[]): string[] {
  const problems = rows
    .filter((r) => !methods.includes(r.method))
    .map((r) => `${r.method}: "${r.method}" is not a method guide; methods are ${methods.join(', ')}`);
  const missing = methods.filter((m) => !rows.some((r) => r.method === m));
  if (missing.length) problems.push(`missing a row for ${missing.join(', ')}: every method guide is compared`);
  return problems;
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
