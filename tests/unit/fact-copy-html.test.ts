import { describe, expect, it } from 'vitest';
import { decodeEntities, mainContent } from '../../src/lib/html';
import { dialHref } from '../../src/lib/facts';
import { readBuilt } from './helpers/site';

/** Every rendered <Fact> of a page: its id and its markup. Facts never nest, so the first closing span after
 *  the fact's own markup is found by counting <span> openings. */
function facts(html: string): { id: string; markup: string }[] {
  const found: { id: string; markup: string }[] = [];
  const open = /<span class="fact" data-fact="([^"]+)">/g;
  for (const match of mainContent(html).matchAll(open)) {
    const rest = mainContent(html).slice(match.index);
    let depth = 0;
    let end = 0;
    for (const tag of rest.matchAll(/<\/?span\b[^>]*>/g)) {
      depth += tag[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        end = tag.index + tag[0].length;
        break;
      }
    }
    found.push({ id: match[1] ?? '', markup: rest.slice(0, end) });
  }
  return found;
}

describe('dialable facts in the built pages', () => {
  for (const [locale, copy, announce] of [
    ['zh', '复制', '已复制：0800-55055'],
    ['en', 'Copy', 'Copied: 0800-55055'],
  ] as const) {
    it(`/${locale}/store/: a phone number is a tel: link with a copy button that stays hidden until JavaScript shows it`, () => {
      const html = readBuilt(`/${locale}/store/`);
      const helpline = facts(html).find((f) => f.id === 'pta-complaints-helpline');
      expect(helpline, 'the store page shows the PTA helpline').toBeDefined();
      const markup = helpline!.markup;
      // Without JS: the number is readable text inside a tel: link with # and dashes handled.
      expect(markup).toContain(`<a class="dial" href="${dialHref('phone', '0800-55055')}"><code>0800-55055</code></a>`);
      // The button is in the HTML but hidden; it copies the raw value and names what it copies.
      const button = /<button\b([^>]*)>([\s\S]*?)<\/button>/.exec(markup);
      expect(button, 'a copy button').not.toBeNull();
      const [, attributes = '', label = ''] = button!;
      expect(attributes).toMatch(/\stype="button"/);
      expect(attributes).toMatch(/\shidden(\s|$|=)/);
      expect(decodeEntities(/data-copy="([^"]*)"/.exec(attributes)?.[1] ?? '')).toBe('0800-55055');
      expect(decodeEntities(/data-announce="([^"]*)"/.exec(attributes)?.[1] ?? '')).toBe(announce);
      expect(label).toBe(
        `<span class="fact-copy-label">${copy}</span><span class="visually-hidden"> 0800-55055</span>`,
      );
      expect(markup).not.toMatch(/\son[a-z]+=/);
    });
  }

  it('only codes and phone numbers get a copy button, never amounts, rates or app names', () => {
    for (const locale of ['zh', 'en']) {
      for (const fact of facts(readBuilt(`/${locale}/store/`))) {
        const dialable = /<a class="dial" href="(tel|sms):/.test(fact.markup);
        expect(
          /<button class="fact-copy"|<button type="button" class="fact-copy"/.test(fact.markup),
          `${locale} ${fact.id}`,
        ).toBe(dialable);
      }
    }
  });

  it('a page with codes carries the copy behaviour once, as a module script, and no inline handler', () => {
    const html = readBuilt('/en/store/');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(
      ([, attributes = '', body = '']) => {
        const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
        // Astro inlines a small bundled module and links a bigger one as a file; read either.
        return { attributes, code: src ? readBuilt(src) : body };
      },
    );
    expect(scripts.filter((s) => s.code.includes('button.fact-copy'))).toHaveLength(1);
    for (const { attributes } of scripts) expect(attributes).toMatch(/type="module"/);
    expect(html).not.toMatch(/<[a-z]+\b[^>]*\son[a-z]+=/i);
  });
});
