import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from '../../src/lib/titles';

describe('document titles (src/lib/titles.ts)', () => {
  it('append the site name when the whole fits, never on the home page', () => {
    expect(documentTitle('Top up at an operator shop', 'Pakistan data top-up guide')).toBe(
      'Top up at an operator shop · Pakistan data top-up guide',
    );
    expect(documentTitle('在巴基斯坦给手机充流量', '巴基斯坦流量充值指南', { home: true })).toBe(
      '在巴基斯坦给手机充流量',
    );
  });

  it(`keep only the page's own title when the whole would pass ${MAX_TITLE_LENGTH} characters`, () => {
    expect(documentTitle('Top up from your bank app or internet banking', 'Pakistan data top-up guide')).toBe(
      'Top up from your bank app or internet banking',
    );
  });
});
