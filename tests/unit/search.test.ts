import { describe, expect, it } from 'vitest';
import {
  excerptParts,
  fillMessage,
  isBestBet,
  MAX_QUERY_LENGTH,
  mergeResults,
  normalizeQuery,
  orderPages,
  parseKeyword,
  queryKey,
  queryOf,
  queryTerms,
  rankSections,
  resultSummary,
  searchPath,
  significantTerms,
  toPageHit,
  type ResultData,
  type SearchMessages,
  type SubResult,
} from '../../src/features/search/search';

describe('queries', () => {
  it('are trimmed, with runs of whitespace collapsed', () => {
    expect(normalizeQuery('  top \n up\t ')).toBe('top up');
    expect(normalizeQuery(null)).toBe('');
  });

  it('are cut to MAX_QUERY_LENGTH characters without splitting an emoji', () => {
    expect(normalizeQuery('a'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = normalizeQuery('👍🏽'.repeat(200));
    expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
    expect(emoji).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('live in the search page URL, encoded, and are read back from it', () => {
    expect(searchPath('zh', '充值')).toBe('/zh/search/?q=%E5%85%85%E5%80%BC');
    expect(searchPath('en', ' ')).toBe('/en/search/');
    expect(searchPath('en', 'a&b=c #x')).toBe('/en/search/?q=a%26b%3Dc+%23x');
    expect(queryOf('?q=a%26b%3Dc+%23x')).toBe('a&b=c #x');
    expect(queryOf('?x=1')).toBe('');
  });

  it('are split into words, Chinese included, without particles or (for matching one by one) stop words', () => {
    expect(queryTerms('Pay in CASH!')).toEqual(['pay', 'in', 'cash']);
    expect(significantTerms('how do I pay in cash')).toEqual(['pay', 'cash']);
    expect(queryTerms('没有流量了')).toEqual(['没有', '流量']);
    expect(significantTerms('充错号码了怎么办')).not.toContain('怎么');
    expect(queryTerms('电子SIM')).toEqual(['电子', 'sim']);
  });

  it('leave out the everyday words for topping up when they stand next to other words', () => {
    expect(significantTerms('top up without bank account')).toEqual(['bank', 'account']);
    expect(significantTerms('Recharge')).toEqual(['recharge']);
    expect(significantTerms('how to top up')).toEqual(['top', 'up']);
    expect(significantTerms('充值要带护照吗')).toEqual(['护照']);
    expect(significantTerms('充值')).toEqual(queryTerms('充值'));
  });

  it('ask for the same thing when their significant words are the same, in any order', () => {
    expect(queryKey('How do I top up with JazzCash?')).toBe('jazzcash');
    expect(queryKey('top up without a bank account')).toBe(queryKey('account bank'));
    expect(queryKey('取款机能充值吗')).toBe(queryKey('取款机'));
    expect(queryKey('支付宝可以充值吗')).toBe(queryKey('支付宝'));
    expect(queryKey('没有流量了怎么办')).toBe(queryKey('没有流量了'));
    // "No data" after a top-up is another question than having no data left.
    expect(queryKey('recharged but no data')).not.toBe(queryKey('no data'));
    expect(queryKey('怎么')).toBe('');
  });
});

describe('keywords', () => {
  it('may name the section they lead to', () => {
    expect(parseKeyword(' 双卡 (#two-at-once) ')).toEqual({ text: '双卡', anchor: 'two-at-once' });
    expect(parseKeyword('dual SIM(#two-at-once)')).toEqual({ text: 'dual SIM', anchor: 'two-at-once' });
    expect(parseKeyword('Jazz Cash')).toEqual({ text: 'Jazz Cash' });
  });
});

describe('messages', () => {
  const messages: SearchMessages = {
    one: '1 page found for “{query}”.',
    many: '{n} pages found for “{query}”.',
    none: 'Nothing found for “{query}”.',
    empty: 'Type.',
    unavailable: 'Offline.',
    pageStart: 'Start',
  };

  it('fill in the query literally, even when it looks like a replacement pattern', () => {
    expect(fillMessage(messages.none, "$& $1 $` $'")).toBe("Nothing found for “$& $1 $` $'”.");
    expect(fillMessage(messages.many, '{n}', 3)).toBe('3 pages found for “{n}”.');
  });

  it('choose the sentence by the number of results', () => {
    expect(resultSummary(messages, 'x', 0)).toBe('Nothing found for “x”.');
    expect(resultSummary(messages, 'x', 1)).toBe('1 page found for “x”.');
    expect(resultSummary(messages, 'x', 4)).toBe('4 pages found for “x”.');
  });
});

describe('excerpts', () => {
  it('keep only Pagefind’s <mark> as markup; everything else, decoded, is text', () => {
    const parts = excerptParts(
      'Pay &lt;script&gt;alert(1)&lt;/script&gt; <mark>cash</mark><mark>!</mark> &amp; <b>x</b> &#x1F44D;',
    );
    expect(parts).toEqual([
      { text: 'Pay <script>alert(1)</script> ', mark: false },
      { text: 'cash!', mark: true },
      { text: ' & <b>x</b> 👍', mark: false },
    ]);
  });

  it('join marks separated only by spaces, and drop punctuation left at the start of a cut excerpt', () => {
    expect(excerptParts('…, <mark>Pay</mark> <mark>in</mark> <mark>cash</mark> and')).toEqual([
      { text: '…', mark: false },
      { text: 'Pay in cash', mark: true },
      { text: ' and', mark: false },
    ]);
    expect(excerptParts('…，在柜台<mark>付</mark>')[0]).toEqual({ text: '…在柜台', mark: false });
    expect(excerptParts('适合谁. 流量 Wi-Fi. OK')).toEqual([{ text: '适合谁。流量 Wi-Fi. OK', mark: false }]);
  });

  it('leave out the heading or title shown above them, marked or not, and turn ". " after Chinese into "。"', () => {
    expect(excerptParts('Steps. These steps are for the <mark>Jazz</mark> app', 'Steps')).toEqual([
      { text: 'These steps are for the ', mark: false },
      { text: 'Jazz', mark: true },
      { text: ' app', mark: false },
    ]);
    expect(excerptParts('<mark>充值</mark>卡. <mark>充值</mark>卡（刮刮卡）', '充值卡')).toEqual([
      { text: '充值', mark: true },
      { text: '卡（刮刮卡）', mark: false },
    ]);
    expect(
      excerptParts('在小卖部或手机店<mark>充值</mark>. 适合', undefined)
        .map((p) => p.text)
        .join(''),
    ).toBe('在小卖部或手机店充值。适合');
    // Not a repeat of the title: kept. Nothing but the title: kept, rather than an empty excerpt.
    expect(
      excerptParts('…the Steps. Then', 'Steps')
        .map((p) => p.text)
        .join(''),
    ).toBe('…the Steps. Then');
    expect(excerptParts('Steps.', 'Steps')).toEqual([{ text: 'Steps.', mark: false }]);
  });

  it('leave unknown or broken entities as they are', () => {
    expect(excerptParts('&bogus; &#0; &#xZZ;')).toEqual([{ text: '&bogus; &#0; &#xZZ;', mark: false }]);
  });
});

describe('merging whole-query and word-by-word results', () => {
  it('puts pages with the whole query first, then pages with the most words', () => {
    const whole = [{ id: 'a', score: 1 }];
    const byTerm = [
      [
        { id: 'b', score: 5 },
        { id: 'c', score: 1 },
        { id: 'a', score: 9 },
      ],
      [{ id: 'c', score: 1 }],
    ];
    expect(mergeResults(whole, byTerm)).toEqual(['a', 'c', 'b']);
    expect(mergeResults([], [])).toEqual([]);
  });
});

/** A page as Pagefind's data() returns it: words, anchors, and sub-results with their matched locations. */
function page(
  words: string[],
  anchors: { id: string; location: number; title?: string }[],
  subs: { anchor?: string; locations: number[]; score?: number; headings?: number[] }[],
): ResultData {
  const fullAnchors = anchors.map((a) => ({
    element: a.title ? 'li' : 'h2',
    id: a.id,
    text: a.id,
    location: a.location,
    ...(a.title ? { title: a.title } : {}),
  }));
  const sub_results: SubResult[] = subs.map((s) => {
    const anchor = fullAnchors.find((a) => a.id === s.anchor);
    return {
      title: anchor?.title ?? anchor?.text ?? 'Page title',
      url: `/en/p/${anchor ? `#${anchor.id}` : ''}`,
      excerpt: `excerpt ${anchor?.id ?? 'top'}`,
      ...(anchor ? { anchor } : {}),
      locations: s.locations,
      weighted_locations: s.locations.map((location) => ({
        location,
        weight: s.headings?.includes(location) ? 6 : 1,
        balanced_score: s.score ?? 100,
      })),
    };
  });
  return {
    url: '/en/p/',
    excerpt: 'page excerpt',
    content: words.join(' '),
    word_count: words.length,
    meta: { title: 'Page title' },
    anchors: fullAnchors,
    sub_results,
  };
}

describe('choosing the section that answers a query', () => {
  const top = 'Top up at a shop'.split(' ');
  const long = 'Who this suits you want to pay in cash and the counter can help with many other things too here'.split(
    ' ',
  );
  const step = 'Pay in cash today please'.split(' ');
  const words = [...top, ...long, ...step];
  const suits = top.length;
  const pay = top.length + long.length;
  const anchors = [
    { id: 'who-it-suits', location: suits },
    { id: 'step-pay', location: pay, title: 'Step 4' },
  ];
  const at = (word: string, from: number) => words.indexOf(word, from);

  it('prefers the short step that has the query as a phrase over a long section with the same words', () => {
    const data = page(words, anchors, [
      { anchor: 'who-it-suits', locations: [at('pay', suits), at('cash', suits)] },
      { anchor: 'step-pay', locations: [at('Pay', pay), at('cash', pay)] },
    ]);
    expect(rankSections(data, 'pay in cash').map((s) => s.anchor?.id)).toEqual(['step-pay', 'who-it-suits']);
  });

  it('prefers the section with more of the query’s words', () => {
    const data = page(words, anchors, [
      { anchor: 'who-it-suits', locations: [at('pay', suits), at('cash', suits), at('counter', suits)] },
      { anchor: 'step-pay', locations: [at('Pay', pay), at('cash', pay)] },
    ]);
    expect(rankSections(data, 'pay cash counter')[0]?.anchor?.id).toBe('who-it-suits');
  });

  it('does not count matches of words like "how" or "in"', () => {
    const data = page(words, anchors, [
      { anchor: 'who-it-suits', locations: [at('pay', suits), at('in', suits), at('this', suits), at('to', suits)] },
      { anchor: 'step-pay', locations: [at('Pay', pay)] },
    ]);
    expect(rankSections(data, 'how to pay in this')[0]?.anchor?.id).toBe('step-pay');
  });

  it('shows the best sections with their titles; the page start has none', () => {
    const data = page(words, anchors, [
      { locations: [at('Top', 0)] },
      { anchor: 'step-pay', locations: [at('Pay', pay), at('cash', pay)] },
    ]);
    const hit = toPageHit(data, 'pay cash', 2);
    expect(hit.title).toBe('Page title');
    expect(hit.sections.map((s) => [s.url, s.title])).toEqual([
      ['/en/p/#step-pay', 'Step 4'],
      ['/en/p/', undefined],
    ]);
  });

  it('puts the page start first when the query is one of the page’s keywords', () => {
    const data = {
      ...page(words, anchors, [{ anchor: 'step-pay', locations: [pay] }]),
      meta: { title: 'Page title', keywords: 'recharge, top-up, Jazz Cash' },
    };
    expect(toPageHit(data, 'Recharge', 3).sections[0]).toEqual({
      url: '/en/p/',
      title: undefined,
      excerpt: 'page excerpt',
    });
    expect(toPageHit(data, 'jazz cash', 3).sections[0]?.url).toBe('/en/p/');
    expect(toPageHit(data, 'pay', 3).sections[0]?.url).toBe('/en/p/#step-pay');
  });

  it('a page matched only by its keywords links to its start', () => {
    const data = { ...page(words, anchors, []), meta: { title: 'Page title', keywords: 'renew' } };
    expect(toPageHit(data, 'renew', 3).sections).toEqual([
      { url: '/en/p/', title: undefined, excerpt: 'page excerpt' },
    ]);
  });
});

describe('choosing the section, by heading and by how close the words stand', () => {
  //            0       1       2       3    4      5       6     7     8     9      10     11    12    13
  const words = 'Intro Telenor merger Telenor and Ufone The Telenor deal was done and the merger'.split(' ');
  const anchors = [{ id: 'telenor-ufone', location: 3 }];

  it('prefers the section whose heading names the query’s words over the page start that merely has them', () => {
    const data = page(words, anchors, [
      { locations: [1, 2] },
      { anchor: 'telenor-ufone', locations: [3, 7, 13], headings: [3] },
    ]);
    expect(rankSections(data, 'telenor merger')[0]?.anchor?.id).toBe('telenor-ufone');
  });

  it('prefers the section where the words stand together', () => {
    const data = page(words, anchors, [{ locations: [1, 2] }, { anchor: 'telenor-ufone', locations: [3, 13] }]);
    expect(rankSections(data, 'telenor merger')[0]?.anchor).toBeUndefined();
  });
});

describe('ordering pages', () => {
  const words = 'Shop page Top up with cash Steps Pay cash at the counter'.split(' ');
  const anchors = [{ id: 'steps', location: 6 }];
  const shop = { ...page(words, anchors, [{ anchor: 'steps', locations: [7, 8] }]), url: '/en/shop/' };
  const scattered = {
    ...page(words, anchors, [{ locations: [2] }, { anchor: 'steps', locations: [8] }]),
    url: '/en/scattered/',
  };
  const partial = { ...page(words, anchors, [{ anchor: 'steps', locations: [7, 8] }]), url: '/en/partial/' };
  const bet = {
    ...page(words, anchors, []),
    url: '/en/bet/',
    meta: { title: 'Bet', keywords: 'cash payment, pay cash (#steps)' },
  };

  it('puts the best bet first, then whole-query pages before partial ones, then better sections', () => {
    const order = orderPages(
      [
        { data: partial, whole: false },
        { data: scattered, whole: true },
        { data: shop, whole: true },
        { data: bet, whole: false },
      ],
      'how to pay cash',
    );
    expect(order.map((p) => p.url)).toEqual(['/en/bet/', '/en/shop/', '/en/scattered/', '/en/partial/']);
    expect(isBestBet(bet, 'Pay cash?')).toBe(true);
    expect(isBestBet(bet, 'cash')).toBe(false);
  });

  it('keeps the given order when nothing tells pages apart', () => {
    const a = { ...shop, url: '/en/a/' };
    const b = { ...shop, url: '/en/b/' };
    expect(
      orderPages(
        [
          { data: b, whole: true },
          { data: a, whole: true },
        ],
        'pay',
      ).map((p) => p.url),
    ).toEqual(['/en/b/', '/en/a/']);
  });

  it('a best bet links to the section its keyword names, even one without the query’s words', () => {
    expect(toPageHit(bet, 'pay cash', 2).sections[0]).toEqual({
      url: '/en/bet/#steps',
      title: 'steps',
      excerpt: 'Steps Pay cash at the counter',
    });
    expect(toPageHit(bet, 'cash payment', 2).sections[0]?.url).toBe('/en/bet/');
    const long = { ...bet, content: `${words.join(' ')} ${'word '.repeat(40)}`.trim(), word_count: words.length + 40 };
    expect(toPageHit(long, 'pay cash', 1).sections[0]?.excerpt).toMatch(
      /^Steps Pay cash at the counter word( word)+…$/,
    );
  });
});
