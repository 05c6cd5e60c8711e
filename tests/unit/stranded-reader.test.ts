import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { decodeEntities, linkHrefs, mainContent } from '../../src/core/html';
import { builtPages, guideSlugs, readBuilt, ROOT } from './helpers/site';

/**
 * Issue 12, on the built site: a reader with no balance, no data, or a phone or SIM that stopped working finds
 * what to do, in both languages, and every claim is as sure as ../shared/facts/FACTS.md says. The rules that keep
 * things out (unverified codes, *2222# as a prepaid check, undated Telenor status…) are in forbidden-claims.test.ts.
 */
const locales = ['zh', 'en'] as const;
const strings = { zh, en } as const;
const page = (locale: string, slug: string) => readBuilt(slug ? `/${locale}/${slug}/` : `/${locale}/`);
/** The words a reader sees: without copy buttons, citations, and the iPhone-only copy of a code and its hint. */
const text = (html: string) =>
  decodeEntities(
    html
      .replace(
        /<button\b[\s\S]*?<\/button>|<sup class="cite"[\s\S]*?<\/sup>|<code class="ussd-code"[^>]*>[^<]*<\/code>|<span class="ussd-hint"[^>]*>[^<]*<\/span>/g,
        '',
      )
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .replace(/ (?=[，。：；、）])|(?<=[（]) /g, '')
    .trim();
const methods = guideSlugs('en').filter((slug) =>
  /^kind: method$/m.test(readFileSync(join(ROOT, 'content/guides/en', `${slug}.mdx`), 'utf8')),
);

interface FactYaml {
  id: string;
  kind: string;
  confidence: string;
  sources: string[];
  ask?: string;
  operator?: string;
}
const facts = parse(readFileSync(join(ROOT, 'content/data/facts.yaml'), 'utf8')) as FactYaml[];

/** From the heading with this id to the next heading of the same or a higher level. */
function section(html: string, id: string): string {
  const start = html.search(new RegExp(`<h([2-6]) id="${id}"`));
  if (start < 0) return '';
  const level = Number(html[start + 2]);
  const rest = html.slice(start + 1);
  const next = rest.search(new RegExp(`<h[2-${level}][ >]`));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The markup of one fact, from its opening tag to the next fact or the end of the block. */
function fact(html: string, id: string): string {
  const at = html.indexOf(`data-fact="${id}"`);
  if (at < 0) return '';
  const start = html.lastIndexOf('<', at);
  const rest = html.slice(start);
  const open = rest.indexOf('>') + 1;
  const end = rest.slice(open).search(/data-fact="|<\/li>|<\/p>|<\/dd>/);
  return end < 0 ? rest : rest.slice(0, open + end);
}

const dated = (markup: string) =>
  /<span class="fact-checked">[^<]*<time datetime="\d{4}-\d{2}-\d{2}">[^<]*\d{4}[^<]*<\/time>[^<]*<\/span>/.test(
    markup,
  );
const noDataBox = (html: string) => /<section class="no-data"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

describe('2. no balance, no data: what each network’s reader can do now', () => {
  it.each(locales)(
    '/%s/ no-data box: Jazz request balance and Jazz Share, Zong Yaari Load and Yaari Call, with limits and dated fees',
    (locale) => {
      const box = noDataBox(page(locale, ''));
      expect(fact(box, 'jazz-request-balance')).toContain('href="tel:*107%23"');
      expect(fact(box, 'zong-request-balance')).toContain('href="tel:*829%23"');
      expect(fact(box, 'zong-send-balance')).toContain('href="tel:*828%23"');
      for (const id of ['jazz-share-amounts', 'zong-share-amounts', 'zong-share-daily-limit', 'zong-yaari-call-prefix'])
        expect(box, id).toContain(`data-fact="${id}"`);
      for (const id of ['jazz-share-fee', 'zong-share-fee', 'zong-yaari-call-rate'])
        expect(dated(fact(box, id)), id).toBe(true);
      expect(linkHrefs(box)).toEqual(
        expect.arrayContaining([`/${locale}/operators/#no-balance-jazz`, `/${locale}/operators/#no-balance-zong`]),
      );
    },
  );

  it.each(locales)(
    '/%s/operators/ has the same options per network, dated, and says what it found nothing for',
    (locale) => {
      const html = page(locale, 'operators');
      const jazz = section(html, 'no-balance-jazz');
      const zong = section(html, 'no-balance-zong');
      for (const id of [
        'jazz-request-balance',
        'jazz-request-daily-limit',
        'jazz-share-code',
        'jazz-share-amounts',
        'jazz-share-daily-limit',
        'jazz-share-fee',
      ])
        expect(jazz, id).toContain(`data-fact="${id}"`);
      for (const id of [
        'zong-request-balance',
        'zong-send-balance',
        'zong-share-amounts',
        'zong-share-daily-limit',
        'zong-share-fee',
        'zong-yaari-call-prefix',
        'zong-yaari-call-code',
        'zong-yaari-call-rate',
      ]) {
        expect(zong, id).toContain(`data-fact="${id}"`);
      }
      for (const [where, id] of [
        [jazz, 'jazz-share-fee'],
        [zong, 'zong-share-fee'],
        [zong, 'zong-yaari-call-rate'],
      ] as const)
        expect(dated(fact(where, id)), id).toBe(true);
      expect(text(section(html, 'no-balance-ufone-telenor'))).toMatch(
        locale === 'en'
          ? /We found no official page on sharing balance for Ufone or Telenor/
          : /Ufone 和 Telenor 的转话费服务，我们没有找到官方说明/,
      );
    },
  );

  it.each(locales)('/%s/operators/ lists every price and fee in the table with the day it was checked', (locale) => {
    const table = /<div class="operator-table">[\s\S]*?(?=<h2)/.exec(page(locale, 'operators'))?.[0] ?? '';
    const priced = facts.filter((f) => f.operator && (f.kind === 'amount' || f.kind === 'fee'));
    expect(priced.length).toBeGreaterThan(8);
    for (const f of priced) expect(dated(fact(table, f.id)), f.id).toBe(true);
  });
});

describe('3. a load is money, and data without a bundle eats it', () => {
  it.each(locales)(
    '/%s/tips/#no-bundle gives the no-bundle rates, dated, and how to buy a bundle with no internet',
    (locale) => {
      const html = section(page(locale, 'tips'), 'no-bundle');
      for (const id of ['jazz-data-base-rate', 'zong-data-base-rate']) expect(dated(fact(html, id)), id).toBe(true);
      for (const id of ['jazz-data-pulse', 'zong-bundle-menu', 'jazz-weekly-all-network-code'])
        expect(html, id).toContain(`data-fact="${id}"`);
      expect(text(html)).toMatch(
        locale === 'en'
          ? /Keep mobile data off until the SMS that confirms your bundle arrives/
          : /先关掉移动数据，等收到套餐开通的确认短信再打开/,
      );
      expect(text(html)).toMatch(
        locale === 'en' ? /ask them to put the bundle on for you directly/ : /请店里直接帮你开通套餐/,
      );
    },
  );

  it.each(methods)(
    '%s: "if it fails" says what to do when the balance came but no data, and links to the rates',
    (slug) => {
      for (const locale of locales) {
        const fails = section(page(locale, slug), 'if-it-fails');
        expect(fails, `/${locale}/${slug}/`).toContain(`href="/${locale}/tips/#no-bundle"`);
        expect(text(fails), `/${locale}/${slug}/`).toMatch(locale === 'en' ? /mobile data off/ : /关掉移动数据/);
      }
    },
  );

  it.each(['store', 'convenience-shop'])(
    '%s: the shop steps say to keep data off and to ask for the bundle directly',
    (slug) => {
      for (const locale of locales) {
        const html = page(locale, slug);
        const step = /<li id="step-data-off"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
        expect(text(step), `/${locale}/${slug}/`).toMatch(
          locale === 'en' ? /Turn mobile data off/ : /关掉手机的移动数据/,
        );
        const ask = text(/<li id="step-ask"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '');
        expect(ask, `/${locale}/${slug}/`).toMatch(locale === 'en' ? /put (the|a) bundle on/ : /直接帮你开通套餐/);
        const ids = [...html.matchAll(/<li id="(step-[a-z-]+)"/g)].map((m) => m[1]);
        expect(ids.indexOf('step-data-off'), `/${locale}/${slug}/`).toBeLessThan(ids.indexOf('step-pay'));
      }
    },
  );
});

describe('4. "check your balance": how, or where', () => {
  it.each(locales)(
    '/%s/operators/#check-balance: Zong’s data check and its fee, Jazz without a code, nothing found for the others',
    (locale) => {
      const html = section(page(locale, 'operators'), 'check-balance');
      expect(fact(html, 'zong-check-data')).toContain('href="tel:*102%23"');
      expect(dated(fact(html, 'zong-check-data-fee'))).toBe(true);
      for (const id of ['jazz-whatsapp-number', 'jazz-whatsapp-greeting', 'jazz-world-app'])
        expect(html, id).toContain(`data-fact="${id}"`);
      const words = text(html);
      expect(words).toMatch(
        locale === 'en' ? /we found no official code for a prepaid balance/ : /查预付费余额的官方代码，我们没有找到/,
      );
      expect(words).toMatch(
        locale === 'en'
          ? /Ufone and Telenor: we found no official balance code/
          : /Ufone 和 Telenor：没有找到官方的查询代码/,
      );
      expect(words).toMatch(locale === 'en' ? /\*2222# is for postpaid only/ : /\*2222# 仅限后付费/);
    },
  );

  it.each(locales)('/%s/: every "check your balance" on a method page says where to find how', (locale) => {
    const phrase = locale === 'en' ? /check (your|the) balance/i : /查(一下)?余额/;
    for (const slug of methods) {
      const blocks = mainContent(page(locale, slug)).split(/<\/(?:li|p)>/);
      for (const block of blocks.filter((b) => phrase.test(text(b)))) {
        expect(block, `/${locale}/${slug}/: ${text(block).slice(0, 80)}`).toContain(
          `href="/${locale}/operators/#check-balance"`,
        );
      }
    }
  });
});

describe('5. phone registration: the fix, not only the cause', () => {
  it.each(locales)(
    '/%s/tips/#phone-not-registered gives the fix as steps, with the facts and their sources',
    (locale) => {
      const html = section(page(locale, 'tips'), 'phone-not-registered');
      const steps = [...html.matchAll(/<li id="(step-[a-z-]+)"/g)].map((m) => m[1]);
      expect(steps).toEqual(['step-find-imei', 'step-check-imei', 'step-visitor', 'step-register', 'step-longer-stay']);
      expect(fact(html, 'imei-code')).toContain('href="tel:*%2306%23"');
      expect(fact(html, 'dirbs-register-code')).toContain('href="tel:*8484%23"');
      expect(html).toContain('href="https://dirbs.pta.gov.pk/drs"');
      for (const id of [
        'dirbs-registration-days',
        'dirbs-sms',
        'dirbs-website',
        'dirbs-temporary-days',
        'dirbs-temporary-fee',
      ])
        expect(html, id).toContain(`data-fact="${id}"`);
      const visitor = text(/<li id="step-visitor"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '');
      expect(visitor).toMatch(
        locale === 'en'
          ? /passport number.*arrived.*leave.*SIM in your own name.*IMEI/
          : /护照号码.*入境日期.*离境日期.*本人名下的 SIM 卡.*IMEI/,
      );
      const longer = text(/<li id="step-longer-stay"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '');
      expect(longer).toContain('FBR');
      expect(longer).not.toMatch(/Rs\.? ?\d|\d ?卢比/);
    },
  );

  it('cites the 60-day rule to the PTA releases that state it, and marks it as FACTS.md does', () => {
    const days = facts.find((f) => f.id === 'dirbs-registration-days');
    expect(days?.sources).toEqual(['urdupoint-dirbs-60', 'ppi-dirbs-deadline']);
    expect(days?.confidence).toBe('likely');
  });

  it('every "how to register a phone" link on the site leads to the steps', () => {
    const pages = builtPages().filter((p) => /^\/(zh|en)\//.test(p));
    let seen = 0;
    for (const path of pages) {
      for (const [, href = '', label = ''] of mainContent(readBuilt(path)).matchAll(
        /<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g,
      )) {
        if (!/register|登记/i.test(text(label)) || href.startsWith('http')) continue;
        seen++;
        expect(href, `${path}: “${text(label)}”`).toMatch(/^(\/(zh|en)\/tips\/)?#phone-not-registered$/);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});

describe('6. the SIM blocked, not the phone', () => {
  it.each(locales)(
    '/%s/tips/#sim-blocked: visa expiry and 180 days, marked as FACTS.md marks them, and what to do',
    (locale) => {
      const html = section(page(locale, 'tips'), 'sim-blocked');
      const party = strings[locale]['fact.party.operator'];
      expect(fact(html, 'sim-visa-block-reported')).toContain(
        strings[locale]['fact.likely'].replace('{{party}}', party),
      );
      expect(html).toContain('data-fact="sim-inactivity-days"');
      expect(text(html)).toMatch(
        locale === 'en'
          ? /go to a franchise of your operator with your passport and visa/
          : /带上护照和签证，去运营商营业厅办理/,
      );
    },
  );
});

describe('7. dialling that works on every phone', () => {
  it('iOS shows codes as text with JavaScript (data-ios) and without it (a CSS rule only iOS WebKit matches), the same way', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(page('en', 'operators'))?.[1] ?? '';
    const byScript = /:root\[data-ios\]\{([^}]+)\}/.exec(css)?.[1];
    const byCss = /@supports \(-webkit-touch-callout:\s?none\)\{:root\{([^}]+)\}\}/.exec(css)?.[1];
    expect(byScript).toMatch(/--ussd-link:none/);
    expect(byCss).toBe(byScript);
    expect(css).toMatch(/\.fact\[data-ussd\] \.dial\{display:var\(--ussd-link,inline\)\}/);
    expect(css).toMatch(/\.ussd-code,\.ussd-hint\{display:var\(--ussd-plain,none\)\}/);
  });

  it.each(locales)(
    '/%s/: codes are tap-to-dial links with # as %%23; the code is always in the page as text',
    (locale) => {
      for (const slug of ['', 'operators', 'tips', 'convenience-shop']) {
        const html = mainContent(page(locale, slug));
        const ussd = [
          ...html.matchAll(
            /<span class="fact" data-fact="[^"]+" data-ussd><a class="dial" href="tel:([^"]+)"><code>([^<]+)<\/code><\/a><code class="ussd-code" data-pagefind-ignore>([^<]+)<\/code>/g,
          ),
        ];
        expect(ussd.length, `/${locale}/${slug}`).toBeGreaterThan(0);
        for (const [, href, shown, plain] of ussd) {
          expect(href).toBe(shown!.replace(/#/g, '%23'));
          expect(plain).toBe(shown);
        }
        expect(html.match(/data-ussd>/g)?.length).toBe(ussd.length);
      }
    },
  );

  it.each(locales)('/%s/operators/: the sentence about tapping codes is true on Android and iPhone', (locale) => {
    expect(text(section(page(locale, 'operators'), 'at-a-glance'))).toMatch(
      locale === 'en'
        ? /Tap a code to dial it on Android; an iPhone does not dial codes from a web page, so there copy the code and paste it in Phone/
        : /在安卓手机上点代码就能拨；iPhone 不会从网页拨代码，请复制代码，再粘贴到“电话”里拨打/,
    );
  });
});

describe('8. honest labels', () => {
  it('a fact that is not confirmed names the party to ask: operator, bank, wallet, service or PTA', () => {
    const expected: Record<string, [string, string]> = {
      'mcb-internet-banking': ['atm-bank', 'bank'],
      'easypaisa-app': ['online', 'wallet'],
      'ding-example': ['third-party', 'service'],
      'dirbs-register-code': ['tips', 'pta'],
      'zong-online-recharge': ['online', 'operator'],
    };
    for (const [id, [slug, party]] of Object.entries(expected)) {
      expect(facts.find((f) => f.id === id)?.ask ?? 'operator', id).toBe(party);
      for (const locale of locales) {
        const confidence = facts.find((f) => f.id === id)!.confidence as 'likely' | 'unverified';
        const marker = strings[locale][`fact.${confidence}`].replace(
          '{{party}}',
          strings[locale][`fact.party.${party}` as keyof typeof en],
        );
        expect(fact(page(locale, slug), id), `/${locale}/${slug}/ ${id}`).toContain(
          `<span class="confidence confidence-${confidence}"> ${marker}</span>`,
        );
      }
    }
  });

  it.each(locales)('/%s/: a JazzCash top-up has "no fee", never "free"', (locale) => {
    for (const html of [page(locale, 'online'), page(locale, '')]) {
      expect(text(fact(html, 'jazzcash-load-fee'))).toMatch(locale === 'en' ? /^no fee/ : /^免手续费/);
    }
  });

  it.each(locales)(
    '/%s/tips/#tax: 15% of the amount before tax, so 13.04 of every 100, the latest rates found',
    (locale) => {
      const html = section(page(locale, 'tips'), 'tax');
      expect(text(html)).toMatch(
        locale === 'en'
          ? /carries 15%.*worked out on the amount before tax, not on what you pay: of a Rs 100 \S* ?load, Rs 13\.04/
          : /要交 15%.*税按税前金额计算.*充 100 卢比.*其中 13\.04 卢比/,
      );
      expect(html).toContain('data-fact="tax-year-latest"');
      expect(text(html)).not.toMatch(/unchanged|仍未改变/);
    },
  );

  it.each(locales)('/%s/operators/: a code on another network may do nothing, or something else', (locale) => {
    expect(text(section(page(locale, 'operators'), 'which-network'))).toMatch(
      locale === 'en' ? /may do nothing, or something else/ : /可能没反应，也可能触发别的功能/,
    );
  });
});

describe('9. what the source article offered, corrected', () => {
  it.each(locales)(
    '/%s/: a small shop may not load large amounts or print a receipt; the SMS is the proof',
    (locale) => {
      const shop = page(locale, 'convenience-shop');
      expect(text(/<li id="step-ask"[\s\S]*?<\/li>/.exec(shop)?.[0] ?? '')).toMatch(
        locale === 'en' ? /Some small shops cannot load a large amount/ : /有的小店充不了大额/,
      );
      expect(text(/<li id="step-pay"[\s\S]*?<\/li>/.exec(shop)?.[0] ?? '')).toMatch(
        locale === 'en'
          ? /no receipt: then the operator.s SMS is your proof/
          : /不给收据，这时运营商的确认短信就是凭证/,
      );
      expect(text(section(page(locale, 'tips'), 'keep-receipt'))).toMatch(
        locale === 'en' ? /Not every shop gives a printed receipt/ : /不是每家店都给打印收据/,
      );
      expect(text(section(page(locale, 'atm-bank'), 'atms'))).toMatch(locale === 'en' ? /bank counter/ : /银行柜台/);
    },
  );
});
