/**
 * What readers type, and what search must answer first. Each case: the query, the page the first result must be
 * on, and, where one section clearly answers it, the #anchor the first result must link to. The search tests
 * (search.spec.ts) run every case on the built site in its language; the bench (tests/bench/search.ts) times
 * them too.
 *
 * To add a case: append `{ query, page, anchor? }` to the right language. Use queries real readers would type
 * (short, misspelt, the words of the shop or the app, a question), not the page's own heading. Expect the page
 * that obviously answers it: if two pages answer it equally, the case is a coin toss and breaks with the next
 * wording change, so either make it obvious with a keyword on the page that should win (see README "Search":
 * keywords are best bets) or leave it out. Mark Chinese queries that only work because the query is split into
 * words (the browser's dictionary and Pagefind's, `segmented: true`): they are the regression set for Pagefind
 * and browser upgrades.
 *
 * Choices worth knowing:
 * - The everyday words for topping up alone (充值, 续费, 缴费, 话费, 充话费, 充流量, top up, recharge, renew,
 *   topup) lead to the home page: every method page is about them, and only the home page's chooser answers
 *   "how do I top up" without knowing the reader's situation. Next to other words they are ignored
 *   ("充值要带护照吗" → the passport question; "top up without bank account" → the bank account).
 * - No data left (没有流量了, 流量用完了, no data, data finished) → the general store or mobile shop page: it needs
 *   no internet, and such a shop is on every street (operator shops are fewer). The store page would be a
 *   reasonable second; the page start is the answer (its lead says "even with no data left"). Not the "no data
 *   after topping up" bullet of "If it does not work", which also has these words.
 * - Without a bank account → the general store page too (cash, no account of any kind), not third-party or
 *   WeChat/Alipay, whose "Who this suits" also mention having no Pakistani bank account.
 * - 护照 / passport → the store page's "What you need": it says a top-up needs no ID and when a passport is needed.
 * - Scams and chat "agents" → tips "Pay only through official channels" (the third-party page warns too, about
 *   its own kind of service).
 * - Left out as coin tosses between method pages with the same sentence: 付现金 / pay in cash (store, shop),
 *   确认短信 / confirmation SMS, 没收到短信 / no SMS, 充错号码 / wrong number, 投诉 / complaint, 卢比现金,
 *   指纹 / fingerprint and Jazz eSIM price (the same tip on three pages), Tap to Recharge (online steps and the
 *   operators table).
 */
export interface SearchCase {
  query: string;
  /** The page the first result must be on: `/zh/store/`. */
  page: string;
  /**
   * Where the first result must link to, when one place clearly answers the query: a section (`#step-pay`), or
   * `''` for the page itself (the whole page is the answer).
   */
  anchor?: string;
  /** An unspaced Chinese query of several words: part of the segmentation regression set. */
  segmented?: boolean;
}

/** The issue asks for at least 25 queries per language. */
export const MIN_CASES = 25;

export const SEARCH_CASES: { zh: SearchCase[]; en: SearchCase[] } = {
  zh: [
    // The everyday words for topping up: the home page's chooser (its keywords, search.homeKeywords).
    { query: '充值', page: '/zh/', anchor: '' },
    { query: '续费', page: '/zh/' },
    { query: '缴费', page: '/zh/' },
    { query: '话费', page: '/zh/' },
    { query: '充话费', page: '/zh/', segmented: true },
    { query: '怎么充流量', page: '/zh/', segmented: true },
    // No data left: a shop that loads the number needs no internet.
    { query: '没有流量了', page: '/zh/convenience-shop/', anchor: '', segmented: true },
    { query: '流量用完了', page: '/zh/convenience-shop/', anchor: '', segmented: true },
    { query: '没有银行账户怎么充值', page: '/zh/convenience-shop/', segmented: true },
    { query: 'easyload', page: '/zh/convenience-shop/', anchor: '#steps' },
    { query: '小卖部', page: '/zh/convenience-shop/' },
    { query: '刮刮卡', page: '/zh/convenience-shop/', anchor: '#scratch-cards' },
    { query: '充值卡', page: '/zh/convenience-shop/', anchor: '#scratch-cards' },
    // At the operator's shop.
    { query: '护照', page: '/zh/store/', anchor: '#what-you-need' },
    { query: '充值要带护照吗', page: '/zh/store/', anchor: '#what-you-need', segmented: true },
    { query: '营业厅', page: '/zh/store/' },
    { query: '专营店', page: '/zh/store/' },
    { query: '外国人办卡', page: '/zh/store/', anchor: '#good-to-know', segmented: true },
    // Online, apps and wallets.
    { query: 'JazzCash', page: '/zh/online/', anchor: '#wallets' },
    { query: 'Jazz Cash', page: '/zh/online/', anchor: '#wallets' },
    { query: '用 JazzCash 充值', page: '/zh/online/', anchor: '#wallets' },
    { query: 'Easypaisa', page: '/zh/online/', anchor: '#wallets' },
    { query: 'jazz app', page: '/zh/online/' },
    { query: 'WhatsApp 充值', page: '/zh/online/', anchor: '#jazz-whatsapp' },
    { query: '银行卡付不了', page: '/zh/online/', anchor: '#if-it-fails', segmented: true },
    // Banks.
    { query: 'ATM', page: '/zh/atm-bank/', anchor: '#atms' },
    { query: '取款机能充值吗', page: '/zh/atm-bank/', anchor: '#atms', segmented: true },
    { query: '手机银行', page: '/zh/atm-bank/' },
    // eSIM and kinds of SIM.
    { query: 'eSIM', page: '/zh/esim-app/' },
    { query: '电子SIM', page: '/zh/esim-app/', segmented: true },
    { query: '旅行eSIM续费', page: '/zh/esim-app/', anchor: '#steps-travel-esim', segmented: true },
    { query: '双卡', page: '/zh/sim-types/', anchor: '#two-at-once' },
    // Someone else pays.
    { query: '国际充值', page: '/zh/third-party/' },
    { query: '话费互转', page: '/zh/third-party/', anchor: '#someone-in-pakistan', segmented: true },
    { query: '微信', page: '/zh/wechat-alipay/' },
    { query: '用支付宝充值', page: '/zh/wechat-alipay/', segmented: true },
    // When a top-up seems to fail.
    { query: 'IMEI', page: '/zh/tips/', anchor: '#phone-not-registered' },
    { query: '手机没登记', page: '/zh/tips/', anchor: '#phone-not-registered', segmented: true },
    { query: '手机没信号', page: '/zh/tips/', anchor: '#phone-not-registered', segmented: true },
    { query: '预扣税', page: '/zh/tips/', anchor: '#tax' },
    { query: '到账金额比付的少', page: '/zh/tips/', anchor: '#tax', segmented: true },
    { query: '套餐过期', page: '/zh/tips/', anchor: '#validity', segmented: true },
    { query: '骗子', page: '/zh/tips/', anchor: '#official-channels' },
    // Operators.
    { query: 'Telenor 和 Ufone 合并', page: '/zh/operators/', anchor: '#telenor-ufone' },
    { query: '代码没反应', page: '/zh/operators/', anchor: '#if-a-code-fails', segmented: true },
    { query: '我的号码是哪家的', page: '/zh/operators/', anchor: '#which-network', segmented: true },
  ],
  en: [
    // The everyday words for topping up: the home page's chooser.
    { query: 'top up', page: '/en/', anchor: '' },
    { query: 'recharge', page: '/en/' },
    { query: 'topup', page: '/en/' },
    { query: 'renew', page: '/en/' },
    { query: 'how to recharge', page: '/en/' },
    // No data left, no bank account: the shop that loads the number.
    { query: 'no data', page: '/en/convenience-shop/', anchor: '' },
    { query: 'data finished', page: '/en/convenience-shop/', anchor: '' },
    { query: 'top up without bank account', page: '/en/convenience-shop/' },
    { query: 'easyload', page: '/en/convenience-shop/', anchor: '#steps' },
    { query: 'easy load', page: '/en/convenience-shop/', anchor: '#steps' },
    { query: 'kiryana store', page: '/en/convenience-shop/' },
    { query: 'scratch card', page: '/en/convenience-shop/', anchor: '#scratch-cards' },
    // At the operator's shop.
    { query: 'passport', page: '/en/store/', anchor: '#what-you-need' },
    { query: 'do i need id', page: '/en/store/', anchor: '#what-you-need' },
    { query: 'franchise', page: '/en/store/' },
    { query: 'service centre', page: '/en/store/' },
    { query: 'foreigner sim', page: '/en/store/', anchor: '#good-to-know' },
    // Online, apps and wallets.
    { query: 'jazz app', page: '/en/online/' },
    { query: 'JazzCash', page: '/en/online/', anchor: '#wallets' },
    { query: 'jazz cash', page: '/en/online/', anchor: '#wallets' },
    { query: 'how do i top up with jazzcash', page: '/en/online/', anchor: '#wallets' },
    { query: 'easypaisa', page: '/en/online/', anchor: '#wallets' },
    { query: 'whatsapp recharge', page: '/en/online/', anchor: '#jazz-whatsapp' },
    { query: 'card refused', page: '/en/online/', anchor: '#if-it-fails' },
    // Banks.
    { query: 'ATM', page: '/en/atm-bank/', anchor: '#atms' },
    { query: 'bank app', page: '/en/atm-bank/' },
    // eSIM and kinds of SIM.
    { query: 'eSIM', page: '/en/esim-app/' },
    { query: 'e-SIM', page: '/en/esim-app/' },
    { query: 'renew travel esim', page: '/en/esim-app/', anchor: '#steps-travel-esim' },
    { query: 'dual sim', page: '/en/sim-types/', anchor: '#two-at-once' },
    // Someone else pays.
    { query: 'international top-up', page: '/en/third-party/' },
    { query: 'top up from abroad', page: '/en/third-party/' },
    { query: 'WeChat', page: '/en/wechat-alipay/' },
    { query: 'alipay', page: '/en/wechat-alipay/' },
    { query: 'can i use wechat pay', page: '/en/wechat-alipay/' },
    // When a top-up seems to fail.
    { query: 'IMEI', page: '/en/tips/', anchor: '#phone-not-registered' },
    { query: 'phone not registered', page: '/en/tips/', anchor: '#phone-not-registered' },
    { query: 'phone has no signal', page: '/en/tips/', anchor: '#phone-not-registered' },
    { query: 'balance less than paid', page: '/en/tips/', anchor: '#tax' },
    { query: 'bundle expired', page: '/en/tips/', anchor: '#validity' },
    { query: 'scam', page: '/en/tips/', anchor: '#official-channels' },
    // Operators.
    { query: 'Telenor merger', page: '/en/operators/', anchor: '#telenor-ufone' },
    { query: 'code not working', page: '/en/operators/', anchor: '#if-a-code-fails' },
    { query: 'onic', page: '/en/operators/', anchor: '#onic-scom' },
    { query: 'what network am i on', page: '/en/operators/', anchor: '#which-network' },
  ],
};
