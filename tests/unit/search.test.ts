import { describe, expect, it, vi } from 'vitest';
import {
  excerptParts,
  fillMessage,
  groupByPage,
  MAX_QUERY_LENGTH,
  normalizeQuery,
  queryOf,
  queryPhrases,
  queryTerms,
  rankFound,
  resultSummary,
  searchPath,
  type ResultData,
  type SearchMessages,
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

  it('are split into words as the browser splits them, Chinese included, without question and function words', () => {
    expect(queryTerms('Pay in CASH!')).toEqual(['pay', 'cash']);
    expect(queryTerms('how do I top up my eSIM')).toEqual(['top', 'up', 'esim']);
    expect(queryTerms('no data, not working')).toEqual(['no', 'data', 'not', 'working']);
    expect(queryTerms('营业厅在哪')).toEqual(['营业', '厅']);
    expect(queryTerms('没有流量了')).toEqual(['没有', '流量']);
    expect(queryTerms('充错号码了怎么办')).not.toContain('怎么');
    expect(queryTerms('电子SIM')).toEqual(['电子', 'sim']);
    expect(queryTerms('jazz 充值码')).toEqual(['jazz', ...queryTerms('充值码')]);
    // Hyphenated Latin words stay whole: Pagefind indexes "top-up" and "e-SIM" as words (and their parts).
    expect(queryTerms('e-SIM top-up')).toEqual(['e-sim', 'top-up']);
    expect(queryTerms('吗？')).toEqual([]);
  });

  it('are still split where the browser has no Intl.Segmenter (Firefox before 125): Chinese by character', () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    try {
      expect(queryTerms('没有流量了')).toEqual(['没', '有', '流', '量']);
      expect(queryTerms('电子SIM, how to top-up 100 PKR')).toEqual(['电', '子', 'sim', 'top-up', '100', 'pkr']);
      expect(queryPhrases('scratch card? 充值')).toEqual(['scratch card', '充 值']);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(queryTerms('没有流量了')).toEqual(['没有', '流量']);
  });

  it('give the pairs of words that stand together, not across a question word or punctuation', () => {
    expect(queryPhrases('scratch card jazz')).toEqual(['scratch card', 'card jazz']);
    expect(queryPhrases('card for a friend')).toEqual([]);
    expect(queryPhrases('passport?')).toEqual([]);
    expect(queryPhrases('护照吗, 现金')).toEqual([]);
    expect(queryPhrases('jazz, scratch card')).toEqual(['scratch card']);
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

describe('ranking sections', () => {
  const found = (id: string, score: number) => ({ id, score, result: id });

  it('adds up each section’s scores for the words and phrases of the query, best first', () => {
    expect(rankFound([[found('a', 1), found('b', 2)], [found('a', 2.5)], [found('c', 0.5)]])).toEqual(['a', 'b', 'c']);
    expect(rankFound([])).toEqual([]);
  });

  it('keeps, for each section, the result of its best-scoring word (its excerpt marks that word)', () => {
    const byWord = [[{ id: 'a', score: 1, result: 'a for "pay"' }], [{ id: 'a', score: 3, result: 'a for "cash"' }]];
    expect(rankFound(byWord)).toEqual(['a for "cash"']);
  });
});

describe('grouping sections by page', () => {
  const section = (url: string, excerpt = url, sub_results: ResultData['sub_results'] = []): ResultData => ({
    url,
    excerpt,
    meta: { title: `Title of ${url.split('#')[0]}` },
    anchors: [
      { id: 'tax', text: ' The balance is less than you paid ' },
      { id: 'steps', text: 'Steps' },
    ],
    sub_results,
  });
  const sub = (url: string, title: string) => ({ url, title, excerpt: `in ${title}` });

  it('orders pages by their best section and keeps the sections of a page in their order, at most `max`', () => {
    const hits = groupByPage(
      [section('/en/tips/#tax'), section('/en/store/'), section('/en/tips/'), section('/en/tips/#steps')],
      2,
    );
    expect(hits.map((h) => h.url)).toEqual(['/en/tips/', '/en/store/']);
    expect(hits[0]).toEqual({
      url: '/en/tips/',
      title: 'Title of /en/tips/',
      sections: [
        { url: '/en/tips/#tax', title: 'The balance is less than you paid', excerpt: '/en/tips/#tax' },
        { url: '/en/tips/', title: undefined, excerpt: '/en/tips/' },
      ],
    });
  });

  it('link to a section’s first part with a match: its step, when nothing before the step matches', () => {
    const steps = section('/en/store/#steps', 'all steps', [sub('/en/store/#step-pay', 'Step 4')]);
    expect(groupByPage([steps], 1)[0]?.sections).toEqual([
      { url: '/en/store/#step-pay', title: 'Step 4', excerpt: 'in Step 4' },
    ]);
    const heading = section('/en/store/#steps', 'all steps', [
      sub('/en/store/#steps', 'Steps'),
      sub('/en/store/#step-pay', 'Step 4'),
    ]);
    expect(groupByPage([heading], 1)[0]?.sections[0]?.url).toBe('/en/store/#steps');
  });

  it('shows a whole-page record by its parts with a match, in page order', () => {
    const page = section('/en/tips/', 'the page', [
      sub('/en/tips/#tax', 'The balance is less than you paid'),
      sub('/en/tips/#step-register', 'Step 2'),
      sub('/en/tips/#validity', 'Validity'),
    ]);
    expect(groupByPage([page], 2)[0]?.sections).toEqual([
      {
        url: '/en/tips/#tax',
        title: 'The balance is less than you paid',
        excerpt: 'in The balance is less than you paid',
      },
      { url: '/en/tips/#step-register', title: 'Step 2', excerpt: 'in Step 2' },
    ]);
    // The page start (its lead) has no title of its own (the page title is shown above it).
    expect(groupByPage([section('/en/tips/', 'the page', [sub('/en/tips/', 'Avoid')])], 1)[0]?.sections).toEqual([
      { url: '/en/tips/', title: undefined, excerpt: 'in Avoid' },
    ]);
  });
});
