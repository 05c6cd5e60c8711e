import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import ShopkeeperCard from '../../src/components/ShopkeeperCard.astro';
import { mainContent, mainIds } from '../../src/lib/html';
import { DIST, readBuilt } from './helpers/site';

const blanks = { number: 'blank for the number', amount: 'blank for the amount', lang: 'en' };

describe('<ShopkeeperCard>', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });

  it('draws the Urdu right to left, then eleven boxes grouped 4 + 7 for the number, then the English', async () => {
    const line = (text: string) => [{ phrase: 'thanks' as const, size: 'main' as const, segments: [text] }];
    const html = await container.renderToString(ShopkeeperCard, {
      props: { ur: line('شکریہ'), en: line('Thank you.'), blanks },
    });
    expect(html).toMatch(
      /<div class="sk-side" lang="ur" dir="rtl"><p class="sk-line sk-main" data-phrase="thanks">شکریہ<\/p><\/div>/,
    );
    const boxes = [...html.matchAll(/class="sk-box( sk-box-gap)?"/g)].map((m) => (m[1] ? 'gap' : 'box'));
    expect(boxes).toEqual(['box', 'box', 'box', 'box', 'gap', 'box', 'box', 'box', 'box', 'box', 'box']);
    expect(html.indexOf('lang="ur"')).toBeLessThan(html.indexOf('sk-number'));
    expect(html.indexOf('sk-number')).toBeLessThan(html.indexOf('lang="en" dir="ltr"'));
  });

  it('refuses a side without the request itself', async () => {
    const aside = [{ phrase: 'greeting' as const, size: 'aside' as const, segments: ['Hello'] }];
    const main = [{ phrase: 'thanks' as const, size: 'main' as const, segments: ['x'] }];
    await expect(container.renderToString(ShopkeeperCard, { props: { ur: main, en: aside, blanks } })).rejects.toThrow(
      'the en side has no main request line',
    );
  });
});

describe('the built shopkeeper page', () => {
  const pages = { zh: readBuilt('/zh/show-shopkeeper/'), en: readBuilt('/en/show-shopkeeper/') };

  it('has the same ids in both languages, so links like #card-after work after a language switch', () => {
    expect(mainIds(pages.zh)).toEqual(mainIds(pages.en));
    expect(mainIds(pages.en)).toEqual(
      expect.arrayContaining(['card-load', 'card-bundle', 'card-after', 'blank-cards', 'sk-number', 'sk-amount']),
    );
  });

  it('marks every piece of Urdu as Urdu, right to left, and keeps it out of the search index', () => {
    for (const html of Object.values(pages)) {
      const main = mainContent(html);
      const urdu = [...main.matchAll(/<div class="sk-side" lang="ur" dir="rtl">/g)];
      expect(urdu).toHaveLength(3);
      // No Arabic-script text outside an element marked lang="ur".
      const outside = main
        .replace(/<div class="sk-side" lang="ur" dir="rtl">[\s\S]*?<\/div>/g, '')
        .replace(/<bdi dir="rtl"[^>]*data-lang="ur"[\s\S]*?<\/bdi>/g, '');
      expect(outside).not.toMatch(/\p{Script=Arabic}/u);
      expect(main.match(/<div class="sk-card" data-pagefind-ignore>/g)).toHaveLength(3);
    }
  });

  it('has a form that can send nothing anywhere: no action, method "dialog", hidden until the script runs', () => {
    for (const html of Object.values(pages)) {
      const form = /<form\b[^>]*>/.exec(mainContent(html))?.[0] ?? '';
      expect(form).toContain('method="dialog"');
      expect(form).toMatch(/\shidden[\s>]/);
      expect(form).not.toContain('action=');
    }
  });

  it('loads nothing from another origin and stays small', () => {
    for (const html of Object.values(pages)) {
      // Canonical and alternate links name the site's own origin (SITE_URL); nothing else may be absolute.
      const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? 'invalid:').origin;
      const loaded = [...html.matchAll(/<(?:script|img|iframe|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      );
      const foreign = loaded.filter((url) => /^(https?:)?\/\//.test(url) && new URL(url, site).origin !== site);
      expect(foreign).toEqual([]);
      expect(Buffer.byteLength(html)).toBeLessThan(40_000);
    }
    const script = readdirSync(join(DIST, '_astro')).filter(
      (f) => f.startsWith('show-shopkeeper') && f.endsWith('.js'),
    );
    expect(script).toHaveLength(1);
    expect(statSync(join(DIST, '_astro', script[0]!)).size).toBeLessThan(10_000);
  });
});
