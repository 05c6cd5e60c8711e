import { describe, expect, it } from 'vitest';
import { ALLOWED_HOSTS } from '../../src/lib/external-links';
import { decodeEntities, mainContent } from '../../src/lib/html';
import { readBuilt } from './helpers/site';

// Page-specific truth checks for third-party, wechat-alipay, sim-types, tips and operators (FACTS.md): what each
// page must say, and what it must never do. The site-wide forbidden-claims list lives in its own test file.

const locales = ['zh', 'en'] as const;
const page = (locale: string, slug: string) => readBuilt(`/${locale}/${slug}/`);
const text = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** The page's own words: <main> without the source list at its end. */
const body = (html: string) => mainContent(html).replace(/<footer class="page-sources">[\s\S]*?<\/footer>/, '');
const sourceList = (html: string) => /<footer class="page-sources">[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';

/** From the element with this id to the next h2. */
function section(html: string, id: string): string {
  const start = html.search(new RegExp(`<h2 id="${id}"`));
  if (start < 0) return '';
  const next = html.indexOf('<h2', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

function step(html: string, id: string): string {
  return /<li id="[^"]+"[^>]*>[\s\S]*?(?=<li id="|<\/ol>)/g.exec(html.slice(html.indexOf(`<li id="${id}"`)))?.[0] ?? '';
}

const services = ALLOWED_HOSTS['services'] ?? [];
const isService = (href: string) => {
  const host = new URL(href).hostname;
  return services.some((s) => host === s || host.endsWith(`.${s}`));
};

describe('wechat-alipay', () => {
  it.each(locales)(
    '/%s/wechat-alipay/ says first and plainly that there is no evidence these wallets can top up a Pakistani number',
    (locale) => {
      const first = /<p class="lead">[\s\S]*?<\/p>\s*<p>([\s\S]*?)<\/p>/.exec(page(locale, 'wechat-alipay'))?.[1] ?? '';
      expect(text(first)).toContain(
        locale === 'en'
          ? 'We found no evidence that WeChat Pay or Alipay can top up a Pakistani number.'
          : '我们没有找到任何证据表明微信支付或支付宝能给巴基斯坦号码充值。',
      );
    },
  );

  it.each(locales)(
    '/%s/wechat-alipay/ uses the wallets only to pay a person back, after the operator’s SMS',
    (locale) => {
      const html = page(locale, 'wechat-alipay');
      const steps = /<div class="steps">[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '';
      const ids = [...steps.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]);
      const wallet = /WeChat|Alipay|微信|支付宝/;
      expect(ids.filter((id) => wallet.test(text(step(steps, id!))))).toEqual(['step-repay']);
      expect(ids.indexOf('step-repay')).toBeGreaterThan(ids.indexOf('step-wait-sms'));
      expect(section(html, 'good-to-know')).toContain('class="warning"');
    },
  );
});

describe('third-party', () => {
  it.each(locales)(
    '/%s/third-party/ links to no top-up service: services appear only as help articles among the sources',
    (locale) => {
      const html = page(locale, 'third-party');
      expect([...body(html).matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1])).toEqual([]);
      for (const [, href] of sourceList(html).matchAll(/href="(https?:[^"]+)"/g)) {
        if (isService(href!)) expect(href).toMatch(/\/\/support\.|\/help\//);
      }
    },
  );

  it.each(locales)(
    '/%s/third-party/ names its example service as unverified and warns against paying agents',
    (locale) => {
      const html = page(locale, 'third-party');
      expect(html).toMatch(/data-fact="ding-example">[\s\S]*?<span class="confidence confidence-unverified">/);
      expect(text(section(html, 'good-to-know'))).toMatch(
        locale === 'en' ? /Never pay [“"]agents[”"]/ : /不要把钱付给[^。]*代充“中介”/,
      );
      expect(text(step(html, 'step-check-operator'))).toMatch(
        locale === 'en' ? /If it is not listed, stop/ : /找不到就到此为止/,
      );
    },
  );

  it.each(locales)('/%s/third-party/ offers a load sent from Pakistan, with Zong’s balance sharing codes', (locale) => {
    const share = section(page(locale, 'third-party'), 'someone-in-pakistan');
    for (const id of ['zong-send-balance', 'zong-request-balance', 'zong-share-amounts', 'zong-share-fee'])
      expect(share).toContain(`data-fact="${id}"`);
    expect(share).toContain('href="tel:*829%23"');
  });
});

describe('pages that name services', () => {
  it.each(['wechat-alipay', 'sim-types', 'tips', 'operators'])(
    '%s links to no top-up or eSIM service in its text',
    (slug) => {
      for (const locale of locales) {
        const links = [...body(page(locale, slug)).matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]!);
        expect(links.filter(isService), `/${locale}/${slug}/`).toEqual([]);
      }
    },
  );
});

describe('sim-types', () => {
  it.each(locales)(
    '/%s/sim-types/ says a travel eSIM is no Pakistani number and two SIMs at once depend on the phone',
    (locale) => {
      const html = page(locale, 'sim-types');
      expect(text(section(html, 'three-kinds'))).toContain(
        locale === 'en' ? 'not a Pakistani number' : '没有巴基斯坦号码',
      );
      expect(text(section(html, 'two-at-once'))).toContain(
        locale === 'en' ? 'depends on your phone, not on the eSIM' : '取决于你的手机，而不是 eSIM 本身',
      );
      expect(section(html, 'pakistani-esim')).toContain('data-fact="jazz-esim-new-price"');
    },
  );
});

describe('tips', () => {
  it.each(locales)('/%s/tips/ has the five habits and the four things that look like a failed top-up', (locale) => {
    const html = page(locale, 'tips');
    for (const id of [
      'top-up-early',
      'steady-connection',
      'check-number',
      'official-channels',
      'keep-receipt',
      'phone-not-registered',
      'tax',
      'validity',
      'unused-sim',
    ]) {
      expect(html, id).toMatch(new RegExp(`<h3 id="${id}"`));
    }
    expect(section(html, 'seems-to-fail')).toContain('href="sms:8484"');
    for (const id of [
      'recharge-tax-rate',
      'recharge-tax-on-100',
      'balance-from-100',
      'sim-inactivity-days',
      'dirbs-temporary-days',
    ]) {
      expect(html, id).toContain(`data-fact="${id}"`);
    }
  });
});

describe('operators', () => {
  it.each(locales)('/%s/operators/ never counts "four operators", and places Onic and SCOM', (locale) => {
    const words = text(body(page(locale, 'operators')));
    expect(words).not.toMatch(/\bfour (mobile )?(operators|networks)\b|四家|四个运营商/i);
    expect(words).toMatch(
      locale === 'en'
        ? /Onic is a brand of Ufone, not a separate network/
        : /Onic 是 Ufone 旗下的品牌，不是独立的运营商/,
    );
    expect(words).toMatch(
      locale === 'en'
        ? /SCOM works only in Azad Jammu and Kashmir and Gilgit-Baltistan/
        : /SCOM 只在阿扎德克什米尔（AJK）和吉尔吉特－巴尔蒂斯坦（GB）/,
    );
  });
});
