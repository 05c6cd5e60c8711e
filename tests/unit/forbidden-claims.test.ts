import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/lib/html';
import { builtPages, readBuilt } from './helpers/site';

/**
 * FACTS.md "Do not claim": things no page may say, in either language. Each rule is data: the pattern(s) that
 * make a claim, the context that makes the same words honest (a negation, the merger, a checked date), and
 * sentences it must catch and must let through, so every rule is shown to work before it checks the site.
 *
 * To add a rule, append to RULES with at least one `forbidden` and one `allowed` example in each language the
 * rule covers. Matching is deliberately simple (regular expressions over the visible text of the built HTML),
 * so phrase honest sentences plainly ("There is no evidence that…", "没有证据表明…").
 */
interface Rule {
  /** Short name, shown when the rule fires. */
  id: string;
  /** The item of FACTS.md's "Do not claim" list this enforces. */
  claim: string;
  /** What one match is checked against: a sentence, a block (paragraph, list item, heading) or the whole page. */
  scope: 'sentence' | 'block' | 'page';
  /** The unit makes the claim when any of these matches… */
  any: RegExp[];
  /** …unless this matches in the same unit. */
  unless?: RegExp;
  forbidden: string[];
  allowed: string[];
}

/** Negations that turn a claim into its honest denial. */
const NEGATION =
  /\b(no|not|never|cannot|can't|don't|doesn't|isn't|aren't|nothing|unverified|unconfirmed)\b|没有|不能|无法|不可以|不支持|不用|不需要|无需|不必|并不|未经|未能|尚未|不要|别(再|去|用|信|付|相信)|切勿/i;

const RULES: Rule[] = [
  {
    id: 'wechat-alipay-top-up',
    claim: '1. That WeChat Pay or Alipay can top up a +92 number directly.',
    scope: 'sentence',
    any: [
      /\b(WeChat|Weixin|Alipay)\b( Pay)?( or (WeChat|Alipay)( Pay)?)?\s+(can|could|will|lets you|allows you to|is able to)\s+(directly\s+)?(top[- ]?up|recharge|load)/i,
      /\b(top[- ]?up|recharge|load)\b[^.;]{0,40}\b(with|via|using|through|from|in) (WeChat|Weixin|Alipay)\b/i,
      /(微信|支付宝)(支付)?[^。；]{0,12}(可以|能|就能|可|直接)[^。；]{0,20}(充值|充话费|充流量)/,
      /(用|通过|使用|在)(微信|支付宝)(支付)?(里|上)?[^。；，]{0,20}(充值|充话费|充流量)/,
    ],
    unless: new RegExp(`${NEGATION.source}|pay (them|him|her|someone) back|repay|还给|还钱`, 'i'),
    forbidden: [
      'You can top up your Jazz number with WeChat Pay.',
      'Alipay can recharge any Pakistani number in seconds.',
      '用微信就能给巴基斯坦号码充值。',
      '支付宝可以直接充话费。',
    ],
    allowed: [
      'There is no evidence that WeChat Pay or Alipay can top up a Pakistani (+92) number.',
      'Ask a friend in Pakistan to send you a load, and pay them back with WeChat Pay.',
      '没有证据表明微信支付或支付宝能给巴基斯坦（+92）号码充值。',
      '请巴基斯坦的朋友帮你充值，再用微信把钱还给对方。',
    ],
  },
  {
    id: 'atm-top-up-menu',
    claim: '2. That ATMs have a top-up menu.',
    scope: 'sentence',
    any: [
      /\bATMs?\b[^.;:]{0,40}\b(has|have|offers?|shows?|lets? you|allows? you to|can)\b[^.;:]{0,30}(top[- ]?up|recharge|mobile load)/i,
      /\b(choose|select|press|tap|pick)\b[^.;]{0,40}(top[- ]?up|recharge|mobile load)[^.;]{0,30}\b(at|on) (the|an|your) ATM/i,
      /ATM[^。；]{0,15}(有|选|选择|点|按|提供|可以|能)[^。；]{0,15}(充值|充话费|手机充值)/,
    ],
    unless: NEGATION,
    forbidden: [
      'Most ATMs have a mobile top-up menu.',
      'Choose Mobile top-up on the ATM screen at the ATM.',
      '在 ATM 上选择“手机充值”，输入号码即可。',
    ],
    allowed: [
      'We found no source showing that Pakistani ATMs let you top up a phone.',
      'ATM 能不能充话费，我们没有找到任何依据。',
    ],
  },
  {
    id: 'unverified-codes-and-apps',
    claim:
      '3. Any code, helpline or app name marked unverified (*111#, *222#, *444#, *124#, 111/345/333, My Zong/Telenor/Ufone).',
    scope: 'sentence',
    any: [
      /\*(111|222|444|124)#/,
      /\bMy (Zong|Telenor|Ufone)\b/i,
      /(helpline|hotline|call|dial|热线|拨打|客服)[^.。]{0,20}(?<![\d*-])(111|345|333)(?![\d#-])/i,
    ],
    forbidden: [
      'Dial *111# to check your balance.',
      'Open the My Zong app.',
      'Call the helpline 111 for help.',
      '拨打客服热线 345。',
    ],
    allowed: ['On Jazz, *2222# shows what you have left.', "Call Zong's helpline 310."],
  },
  {
    id: 'price-without-date',
    claim: '4. Any price or bundle as current without "at the time of checking" and a date.',
    scope: 'block',
    any: [
      /(cost|costs|price|priced|fee|charge[sd]?)\b[^.;]{0,60}Rs ?\d|Rs ?\d[\d,.]*[^.;]{0,20}\b(fee|charge)/i,
      /(收费|价格|售价|手续费)[^。；]{0,30}\d[\d,.]* ?卢比|\d[\d,.]* ?卢比[^。；]{0,10}(手续费|的费用)/,
    ],
    unless: /at the time of checking|when we checked|\(checked \d|核实时|核实于/i,
    forbidden: ['A new eSIM costs Rs 5,000.', '新号码的 eSIM 收费 5,000 卢比。'],
    allowed: [
      'At the time of checking, Jazz charged Rs 5,000 (checked 26 November 2026) for an eSIM with a new number.',
      '核实时，Jazz 新号码的 eSIM 收费 5,000 卢比（核实于 2026年11月26日）。',
      'Of every prepaid load, 15% is withheld, so a Rs 100 load gives a balance of Rs 86.96.',
    ],
  },
  {
    id: 'third-parties-cheaper',
    claim: '5. That third-party services are cheaper or "more favourable".',
    scope: 'sentence',
    any: [
      /\b(third[- ]party|international top[- ]?up|top[- ]?up (services?|sites?|apps?|platforms?)|Ding|Reloadly|Recharge\.com|MobileRecharge)\b[^.]{0,80}\b(cheaper|more favou?rable|better (rates?|prices?|deals?)|lower (prices?|rates?)|save money)\b/i,
      /(第三方|代充|充值平台|国际充值)[^。；]{0,30}(更便宜|更划算|更优惠|价格更低|便宜|优惠)/,
    ],
    unless: NEGATION,
    forbidden: ['Third-party top-up services are cheaper than the operator.', '第三方充值平台更便宜、更划算。'],
    allowed: ['There is no evidence that third-party services are cheaper.', '没有证据表明第三方平台更便宜。'],
  },
  {
    id: 'esim-several-numbers',
    claim: '6. That an eSIM "binds several numbers" for roaming (that depends on the phone).',
    scope: 'sentence',
    any: [
      /\beSIMs?\b[^.]{0,40}\b(binds?|holds?|links?|supports?|carr(y|ies)|combines?)\b[^.]{0,20}\b(several|multiple|two|many|more than one) (numbers|SIMs|lines)\b/i,
      /eSIM[^。]{0,20}(绑定|支持|容纳|装下)[^。]{0,10}(多个|几个|两个|多张)(号码|SIM)/,
    ],
    unless: NEGATION,
    forbidden: ['One eSIM binds several numbers, so roaming is easy.', '一张 eSIM 可以绑定多个号码。'],
    allowed: ['A travel eSIM is a data-only plan, not a Pakistani number.'],
  },
  {
    id: 'id-for-a-load',
    claim: '7. That an ID is needed to buy a load at a shop.',
    scope: 'sentence',
    any: [
      /\b(ID|passport|CNIC|identity card)\b[^.;]{0,40}\b(needed|required|necessary|must|need)\b[^.;]{0,40}\b(load|top[- ]?up|recharge|bundle)/i,
      /\b(load|top[- ]?up|recharge|bundle)\b[^.;]{0,40}\b(needs?|requires?|bring|show)\b[^.;]{0,20}\b(an? |your )?(ID|passport|CNIC)\b/i,
      /(充值|充话费|买流量|买套餐|开通套餐)[^。；]{0,20}(要|需要|得|必须)(带|出示|提供|用)?(证件|护照|身份证)/,
    ],
    unless: new RegExp(`${NEGATION.source}|\\bonly\\b|只有|才(要|需要)`, 'i'),
    forbidden: [
      'To buy a load you need to show your passport.',
      'Your ID is required for every top-up.',
      '充话费需要出示护照。',
    ],
    allowed: [
      'No ID is needed. Buying a load or a bundle never needs one.',
      '充话费、买流量套餐都不需要证件；只有办新卡、补卡、开通 eSIM 或过户时才要护照。',
    ],
  },
  {
    id: 'telenor-unchanged',
    claim: "8. That Telenor's channels are unchanged after the merger into Ufone.",
    scope: 'sentence',
    any: [
      /\bTelenor\b[^.]{0,80}\b(unchanged|(is|are|stays?|remains?) the same|not (be )?affected|(works?|continues?) as before)\b/i,
      /Telenor[^。]{0,40}(不变|没有变化|不受影响|照常|和以前一样)/,
    ],
    forbidden: ['Telenor customers are not affected by the merger.', 'Telenor 的充值方式不变。'],
    allowed: ['How Telenor numbers are loaded may change.', 'Telenor 号码的充值方式以后可能会变。'],
  },
  {
    id: 'telenor-without-merger',
    claim: '8. …without a warning: a page that names Telenor also says it is being merged into Ufone.',
    scope: 'page',
    any: [/\bTelenor\b/],
    unless: /merg|并入|合并/i,
    forbidden: ['Telenor sells loads at its shops.'],
    allowed: ['Telenor is being merged into Ufone; its channels may change.'],
  },
  {
    id: 'four-operators',
    claim: '9. That there are exactly "four operators" without the merger context.',
    scope: 'block',
    any: [/\bfour (mobile )?(operators|networks|carriers|companies)\b/i, /四(家|个|大)(移动)?(运营商|网络)/],
    unless: /merg|并入|合并|收购/i,
    forbidden: ['Pakistan has four mobile operators.', '巴基斯坦有四家运营商。'],
    allowed: ['Pakistan has four mobile operators, but Telenor is being merged into Ufone.'],
  },
  {
    id: 'messenger-agents',
    claim: '10. Anything about Telegram, WhatsApp or other messenger "agents" selling top-ups; no promotional links.',
    scope: 'sentence',
    any: [
      /\b(Telegram|WhatsApp|WeChat|Facebook)\b[^.]{0,60}\b(agents?|sellers?|dealers?|resellers?)\b/i,
      /(Telegram|电报|WhatsApp|微信群|微信|脸书)[^。]{0,30}(中介|代理|代充|卖家)/,
      /\b(t\.me|wa\.me|chat\.whatsapp\.com)\//i,
    ],
    unless: new RegExp(`${NEGATION.source}|\\b(avoid|scams?|warning)\\b|骗|谨慎`, 'i'),
    forbidden: [
      'Contact our WhatsApp agent for a quick top-up.',
      'Join t.me/cheap_load for offers.',
      '加微信群找代充中介，秒到账。',
    ],
    allowed: ['Never pay "agents" in chats such as WhatsApp or Telegram.', '不要付钱给微信群里的代充“中介”。'],
  },
];

/** Visible text of a built page, one block (paragraph, list item, heading, cell) a line. */
function blocksOf(html: string): string[] {
  const text = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<head\b[\s\S]*?<\/head>/i, (head) => /<title>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? '')
    .replace(/<\/?(p|li|h[1-6]|div|td|th|dt|dd|br|ul|ol|section|article|header|footer|main|nav|title)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Sentences of a block: split after 。！？； always, after . ! ? ; only before a space (not in "86.96"). */
function sentencesOf(block: string): string[] {
  return block
    .split(/(?<=[。！？；])|(?<=[.!?;])(?=\s)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function unitsOf(blocks: string[], scope: Rule['scope']): string[] {
  if (scope === 'page') return [blocks.join('\n')];
  if (scope === 'block') return blocks;
  return blocks.flatMap(sentencesOf);
}

/** The units of some text that make the rule's claim. */
function violations(rule: Rule, blocks: string[]): string[] {
  return unitsOf(blocks, rule.scope).filter((unit) => rule.any.some((p) => p.test(unit)) && !rule.unless?.test(unit));
}

describe('forbidden-claim rules work on examples', () => {
  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s catches what it must and lets honest sentences through',
    (_, rule) => {
      expect(rule.forbidden.length, 'a rule needs examples it catches').toBeGreaterThan(0);
      expect(rule.allowed.length, 'a rule needs honest examples it lets through').toBeGreaterThan(0);
      for (const example of rule.forbidden) expect(violations(rule, [example]), example).not.toEqual([]);
      for (const example of rule.allowed) expect(violations(rule, [example]), example).toEqual([]);
    },
  );

  it('splits sentences without breaking rupee amounts', () => {
    expect(sentencesOf('A Rs 100 load gives Rs 86.96. Then buy a bundle.')).toEqual([
      'A Rs 100 load gives Rs 86.96.',
      'Then buy a bundle.',
    ]);
    expect(sentencesOf('先别走。请店员查一下；出示收据。')).toEqual(['先别走。', '请店员查一下；', '出示收据。']);
  });
});

describe('no page claims what FACTS.md forbids', () => {
  const pages = builtPages().filter((page) => page.endsWith('/') || page.endsWith('.html'));

  it('checks every built page, in both languages', () => {
    expect(pages.some((p) => p.startsWith('/zh/'))).toBe(true);
    expect(pages.some((p) => p.startsWith('/en/'))).toBe(true);
  });

  it.each(pages)('%s', (page) => {
    const blocks = blocksOf(readBuilt(page));
    const found = RULES.flatMap((rule) =>
      violations(rule, blocks).map((unit) => `${rule.id} (${rule.claim}): "${unit}"`),
    );
    expect(found, `${page} says what FACTS.md forbids`).toEqual([]);
  });
});
