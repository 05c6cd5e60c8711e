/**
 * What readers type, and what search must answer first. Each case: the query, the page the first result must be
 * on, and, where one section clearly answers it, the #anchor the first result must link to. The search tests
 * (search.spec.ts) run every case on the built site in its language; the bench (tests/bench/search.ts) times
 * a few of them.
 *
 * To add a case: append `{ query, page, anchor? }` to the right language. Use queries real readers would type
 * (short, misspelt, the words of the shop or the app), not the page's own heading. When a guide page lands, add
 * its cases here in both languages; the issue asks for at least 25 per language once all pages exist (raise
 * MIN_CASES then). Mark Chinese queries that only work because Pagefind segments unspaced Chinese with
 * `segmented: true`: they are the regression set for Pagefind upgrades.
 */
export interface SearchCase {
  query: string;
  /** The page the first result must be on: `/zh/store/`. */
  page: string;
  /**
   * Where the first result must link to, when one place clearly answers the query: a section (`#step-pay`), or
   * `''` for the page itself (a keyword match: the whole page is the answer).
   */
  anchor?: string;
  /** An unspaced Chinese query of several words (Pagefind segments it): part of the segmentation regression set. */
  segmented?: boolean;
}

/** Raise to 25 when every guide page exists (issue 5). */
export const MIN_CASES = 15;

export const SEARCH_CASES: { zh: SearchCase[]; en: SearchCase[] } = {
  zh: [
    // Words for "top up" that readers use (also listed as keywords in the guides' frontmatter).
    { query: '充值', page: '/zh/store/' },
    { query: '续费', page: '/zh/store/', anchor: '' },
    { query: '缴费', page: '/zh/store/', anchor: '' },
    { query: '话费', page: '/zh/store/' },
    { query: '充流量', page: '/zh/store/', segmented: true },
    { query: '电子SIM', page: '/zh/store/', segmented: true },
    { query: '专营店', page: '/zh/store/', anchor: '' },
    // Situations and steps: the answer is one section.
    { query: '没有流量了', page: '/zh/store/', anchor: '#who-it-suits', segmented: true },
    { query: '付现金', page: '/zh/store/', anchor: '#step-pay', segmented: true },
    { query: '充错号码', page: '/zh/store/', anchor: '#step-check-number', segmented: true },
    { query: '确认短信', page: '/zh/store/', anchor: '#step-wait-sms', segmented: true },
    { query: '没收到短信', page: '/zh/store/', anchor: '#if-it-fails', segmented: true },
    { query: '护照', page: '/zh/store/', anchor: '#what-you-need' },
    { query: '卢比现金', page: '/zh/store/', anchor: '#what-you-need', segmented: true },
    { query: '预扣税', page: '/zh/store/', anchor: '#if-it-fails' },
    { query: 'IMEI', page: '/zh/store/', anchor: '#if-it-fails' },
    { query: '投诉', page: '/zh/store/', anchor: '#if-it-fails' },
    { query: '指纹', page: '/zh/store/', anchor: '#good-to-know' },
    { query: '外国人办卡', page: '/zh/store/', anchor: '#good-to-know', segmented: true },
    { query: 'Telenor 并入 Ufone', page: '/zh/store/', anchor: '#good-to-know' },
    { query: '小卖部', page: '/zh/store/', anchor: '#try-instead' },
    // The home page answers what no guide says.
    { query: '网速很慢', page: '/zh/', segmented: true },
  ],
  en: [
    { query: 'top up', page: '/en/store/' },
    { query: 'recharge', page: '/en/store/', anchor: '' },
    { query: 'renew', page: '/en/store/', anchor: '' },
    { query: 'topup', page: '/en/store/', anchor: '' },
    { query: 'e-SIM', page: '/en/store/', anchor: '' },
    { query: 'top up without bank account', page: '/en/store/' },
    { query: 'pay in cash', page: '/en/store/', anchor: '#step-pay' },
    { query: 'how do i pay', page: '/en/store/', anchor: '#step-pay' },
    { query: 'wrong number', page: '/en/store/', anchor: '#step-check-number' },
    { query: 'confirmation sms', page: '/en/store/', anchor: '#step-wait-sms' },
    { query: 'no sms', page: '/en/store/', anchor: '#if-it-fails' },
    { query: 'balance lower than paid', page: '/en/store/', anchor: '#if-it-fails' },
    { query: 'IMEI', page: '/en/store/', anchor: '#if-it-fails' },
    { query: 'complaint PTA', page: '/en/store/', anchor: '#if-it-fails' },
    { query: 'passport', page: '/en/store/', anchor: '#what-you-need' },
    { query: 'fingerprint', page: '/en/store/', anchor: '#good-to-know' },
    { query: 'Jazz eSIM price', page: '/en/store/', anchor: '#good-to-know' },
    { query: 'Telenor merged', page: '/en/store/', anchor: '#good-to-know' },
    { query: 'easy load', page: '/en/store/', anchor: '#try-instead' },
    { query: 'service centre', page: '/en/store/' },
    { query: 'weak connection', page: '/en/' },
  ],
};
