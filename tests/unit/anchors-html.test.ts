import { describe, expect, it } from 'vitest';
import { compareAnchors, describeAnchorMismatch, duplicates, isAnchorId } from '../../src/lib/anchors';
import { linkHrefs, mainIds } from '../../src/lib/html';

describe('anchor ids', () => {
  it('accepts lower-case ASCII words joined by hyphens only', () => {
    for (const ok of ['steps', 'step-pay', 'what-you-need', 'step-2']) expect(isAnchorId(ok)).toBe(true);
    for (const bad of ['Step', 'step_pay', '-step', 'step-', '步骤', '2-steps', 'step--pay'])
      expect(isAnchorId(bad)).toBe(false);
  });

  it('finds repeated ids', () => {
    expect(duplicates(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b']);
    expect(duplicates(['a'])).toEqual([]);
  });

  it('agrees when both languages have the same ids in the same order', () => {
    expect(compareAnchors({ zh: ['a', 'step-b'], en: ['a', 'step-b'] })).toBeUndefined();
  });

  it('names the ids each language lacks', () => {
    const mismatch = compareAnchors({ zh: ['a', 'b'], en: ['a', 'c'] });
    expect(mismatch).toEqual({ missing: { zh: ['c'], en: ['b'] }, reordered: false });
    expect(describeAnchorMismatch('/store/', mismatch!)).toBe(
      '/store/: the language versions disagree on anchor ids: zh lacks #c; en lacks #b',
    );
  });

  it('notices the same ids in a different order', () => {
    expect(compareAnchors({ zh: ['a', 'b'], en: ['b', 'a'] })).toEqual({ missing: {}, reordered: true });
  });
});

describe('reading built HTML', () => {
  const html =
    '<body><header id="top"><a href="/zh/">x</a></header><main id="main"><h2 id="a">A</h2><li class="x" id="step-b">B</li><a href="/en/?a=1&amp;b=2#c">c</a></main></body>';

  it('lists ids inside <main> only, in order', () => {
    expect(mainIds(html)).toEqual(['a', 'step-b']);
  });

  it('lists link targets with entities decoded', () => {
    expect(linkHrefs(html)).toEqual(['/zh/', '/en/?a=1&b=2#c']);
  });
});
