import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { postBuild, readBuiltSite, type PostBuildStep } from '../../src/build/pipeline';
import { SITE_PIPELINE } from '../../src/build/steps';

describe('the post-build pipeline (src/build)', () => {
  it('runs the transforms in the declared order, then the checks', () => {
    expect(SITE_PIPELINE.sources.map((s) => s.name)).toEqual(['content-scan']);
    // The policy goes into the pages before they are indexed and precached; the index before the precache.
    expect(SITE_PIPELINE.transforms.map((s) => s.name)).toEqual(['security', 'search-index', 'service-worker']);
    // The checks look at the finished dist/, link-check last so it sees every file the transforms added.
    expect(SITE_PIPELINE.checks.map((s) => s.name)).toEqual(['anchor-parity', 'anchor-history', 'link-check']);
  });

  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A tiny finished build: two pages, an asset and one build-data file. */
  function fixture(): string {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
    const files: Record<string, string> = {
      'dist/index.html':
        '<!doctype html><html><head><meta charset="utf-8"></head><body><main id="m">Home</main></body></html>',
      'dist/en/store/index.html': '<html><body><main><h2 id="steps">Steps</h2></main></body></html>',
      'dist/favicon.svg': '<svg/>',
      'dist/_build/data.json': '{"store":{"old":"new"}}',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return dir;
  }

  it('reads every page once, parsed, and takes the build data out of dist/', async () => {
    const root = fixture();
    const { site } = await readBuiltSite(root, join(root, 'dist'), 'http://example.test');
    expect([...site.pages.keys()]).toEqual(['/en/store/', '/']);
    expect(site.pages.get('/')?.document.children.length).toBeGreaterThan(0);
    expect([...site.files]).toEqual(['en/store/index.html', 'favicon.svg', 'index.html']);
    expect(site.data.get('/_build/data.json')).toEqual({ store: { old: 'new' } });
    expect(existsSync(join(root, 'dist/_build'))).toBe(false);
  });

  it('hands each step what the steps before it wrote, and writes changed pages to dist/', async () => {
    const root = fixture();
    const seen: string[] = [];
    const step = (name: string, run: PostBuildStep['run']): PostBuildStep => ({ name, run });
    const integration = postBuild({
      sources: [],
      transforms: [
        step('mark', async (site) => {
          seen.push('mark');
          for (const page of site.pages.values())
            site.updatePage(page.path, page.html.replace('<main', '<main data-marked'));
        }),
        step('add-file', async (site) => {
          seen.push(
            `add-file saw ${[...site.pages.values()].filter((p) => p.html.includes('data-marked')).length} marked pages`,
          );
          writeFileSync(join(site.dist, 'added.txt'), 'x');
        }),
      ],
      checks: [
        step('check', async (site) => {
          seen.push(`check saw added.txt: ${site.files.has('added.txt')}`);
          seen.push(`check parsed the marked page: ${site.pages.get('/')?.document !== undefined}`);
        }),
      ],
    });
    const logger = {
      fork: () => logger,
      info: () => undefined,
      warn: () => undefined,
    } as unknown as AstroIntegrationLogger;
    const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
    await hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`), site: 'http://example.test' } });
    await hooks['astro:build:done']!({ dir: pathToFileURL(join(root, 'dist/')), logger, pages: [] });
    expect(seen).toEqual([
      'mark',
      'add-file saw 2 marked pages',
      'check saw added.txt: true',
      'check parsed the marked page: true',
    ]);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toContain('<main data-marked id="m">');
  });
});
