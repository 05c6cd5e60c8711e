import { readFile } from 'node:fs/promises';
import { getCollection } from 'astro:content';
import { idsInFileOrder, operatorBlocks, sortByFileOrder, type OperatorBlock } from '../operator-table';

const OPERATORS_FILE = 'content/data/operators.yaml';
const FACTS_FILE = 'content/data/facts.yaml';

/** The operators table's data, straight from content/data: every operator with its facts, in the files' order. */
export async function loadOperatorBlocks(): Promise<OperatorBlock[]> {
  const [operators, facts, operatorsYaml, factsYaml] = await Promise.all([
    getCollection('operators'),
    getCollection('facts'),
    readFile(OPERATORS_FILE, 'utf8'),
    readFile(FACTS_FILE, 'utf8'),
  ]);
  return operatorBlocks(
    sortByFileOrder(operators, idsInFileOrder(operatorsYaml), OPERATORS_FILE).map(({ id, data }) => ({
      id,
      name: data.name,
      status: data.status,
      website: data.website,
      confidence: data.confidence,
      sourceIds: data.sources.map((s) => s.id),
    })),
    sortByFileOrder(facts, idsInFileOrder(factsYaml), FACTS_FILE).map(({ id, data }) => ({
      id,
      operator: data.operator?.id,
      sourceIds: data.sources.map((s) => s.id),
    })),
  );
}
