import Checklist from './Checklist.astro';
import Fact from './Fact.astro';
import GuideLink from './GuideLink.astro';
import OperatorTable from './OperatorTable.astro';
import Steps from './Steps.astro';
import Tip from './Tip.astro';
import Warning from './Warning.astro';
import { GUIDE_COMPONENTS } from '../lib/markdown/components';
import { mergeCited, type CitedData } from '../lib/cited-data';
import { citedByOperatorTable } from '../lib/operator-table';
import { loadOperatorBlocks } from './operator-table-data';

/** The components guides use without importing them. Must match the build-time rules in GUIDE_COMPONENTS. */
export const guideComponents = { Checklist, Fact, GuideLink, OperatorTable, Steps, Tip, Warning };

const implemented = Object.keys(guideComponents).sort().join(', ');
const declared = Object.keys(GUIDE_COMPONENTS).sort().join(', ');
if (implemented !== declared) {
  throw new Error(
    `src/components/guide-components.ts provides ${implemented} but src/lib/markdown/components.ts declares ${declared}`,
  );
}

/**
 * Components that render facts from data rather than through `<Fact id>` in the MDX declare what they cite here,
 * from the same loader they render with, so the page can give those sources numbers in its source list.
 */
const CITES: Partial<Record<keyof typeof guideComponents, () => Promise<CitedData>>> = {
  OperatorTable: async () => citedByOperatorTable(await loadOperatorBlocks()),
};

/** What the data-rendering components among `names` cite (see src/lib/cited-data.ts). */
export async function citedByComponents(names: readonly string[]): Promise<CitedData> {
  const parts = await Promise.all(names.flatMap((name) => CITES[name as keyof typeof guideComponents]?.() ?? []));
  return mergeCited(parts);
}
