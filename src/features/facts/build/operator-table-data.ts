import { getCollection } from 'astro:content';
import { operatorBlocks, type OperatorBlock } from '../operator-table';

/** Entries in the order their file lists them (`order`, see src/content.config.ts), not by id. */
const inFileOrder = <T extends { data: { order: number } }>(entries: T[]) =>
  entries.sort((a, b) => a.data.order - b.data.order);

/** The operators table's data, from the collections: every operator with its facts, in the files' order. */
export async function loadOperatorBlocks(): Promise<OperatorBlock[]> {
  const [operators, facts] = await Promise.all([getCollection('operators'), getCollection('facts')]);
  return operatorBlocks(
    inFileOrder(operators).map(({ id, data }) => ({
      id,
      name: data.name,
      status: data.status,
      website: data.website,
      confidence: data.confidence,
      sourceIds: data.sources.map((s) => s.id),
    })),
    inFileOrder(facts).map(({ id, data }) => ({
      id,
      operator: data.operator?.id,
      sourceIds: data.sources.map((s) => s.id),
    })),
  );
}
