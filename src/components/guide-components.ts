import Checklist from './Checklist.astro';
import Fact from './Fact.astro';
import GuideLink from './GuideLink.astro';
import Steps from './Steps.astro';
import Tip from './Tip.astro';
import Warning from './Warning.astro';
import { GUIDE_COMPONENTS } from '../lib/markdown/components';

/** The components guides use without importing them. Must match the build-time rules in GUIDE_COMPONENTS. */
export const guideComponents = { Checklist, Fact, GuideLink, Steps, Tip, Warning };

const implemented = Object.keys(guideComponents).sort().join(', ');
const declared = Object.keys(GUIDE_COMPONENTS).sort().join(', ');
if (implemented !== declared) {
  throw new Error(`src/components/guide-components.ts provides ${implemented} but src/lib/markdown/components.ts declares ${declared}`);
}
