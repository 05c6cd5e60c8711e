import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parseHtml, type HtmlDocument } from '../core/html';
import { pagePathOf } from '../core/site-files';

/**
 * The one post-build pipeline. After `astro build` has written dist/, it reads every file's name and every page
 * once, parses each page once (htmlparser2, see src/core/html.ts), then runs the steps in the order ./steps.ts
 * declares: first the transforms (each page's Content-Security-Policy, the search index, the service worker),
 * then the checks (anchor parity, anchor history, links). A page a transform changes is written back before the
 * next step; the list of files is brought up to date after each transform, so the checks see the final dist/.
 * Before the build starts, it runs the checks of the sources (messenger and promotional links).
 */

/** A page of the finished build. */
export interface BuiltPage {
  /** The URL path: `/zh/store/`, `/404.html`. */
  readonly path: string;
  /** The file, relative to dist/: `zh/store/index.html`. */
  readonly file: string;
  readonly html: string;
  /** The parsed page; parsed once, and again only after a transform changes the page. */
  readonly document: HtmlDocument;
}

export interface BuiltSite {
  /** The project's root and the finished build, as paths on disk. */
  readonly root: string;
  readonly dist: string;
  /** The public origin (`site` in astro.config.ts, from SITE_URL). */
  readonly site: string;
  /** Every file of the build, relative to dist/ with forward slashes. */
  readonly files: ReadonlySet<string>;
  /** Every HTML page by its URL path. */
  readonly pages: ReadonlyMap<string, BuiltPage>;
  /** What a step's build-data route wrote (see PostBuildStep.dataRoute), parsed, by the route's path. */
  readonly data: ReadonlyMap<string, unknown>;
  /** A transform's new version of a page: written to dist/ before the next step. */
  updatePage(path: string, html: string): void;
}

export interface PostBuildStep {
  readonly name: string;
  /**
   * A build-only JSON route that hands the step data from the content collections (which only pages can read).
   * The pipeline reads it and takes it out of dist/ before any step runs, so it never ships.
   */
  readonly dataRoute?: { pattern: string; entrypoint: string };
  /** Runs over the finished build; throws, naming page and problem, to fail the build. */
  run(site: BuiltSite, logger: AstroIntegrationLogger): Promise<void>;
}

/** A check of the sources, before anything is built. */
export interface SourceCheck {
  readonly name: string;
  run(root: string, logger: AstroIntegrationLogger): Promise<void>;
}

export interface Pipeline {
  sources: readonly SourceCheck[];
  transforms: readonly PostBuildStep[];
  checks: readonly PostBuildStep[];
}

/** Where build-data routes write: taken out of dist/ by the pipeline. */
export const BUILD_DATA_DIR = '_build';

async function listFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).replace(/\\/g, '/'))
    .sort();
}

class Page implements BuiltPage {
  #document: HtmlDocument | undefined;
  constructor(
    readonly path: string,
    readonly file: string,
    readonly html: string,
  ) {}
  get document(): HtmlDocument {
    this.#document ??= parseHtml(this.html);
    return this.#document;
  }
}

/** Read the finished build once: every file's name, every page, and the build data (taken out of dist/). */
export async function readBuiltSite(root: string, dist: string, site: string) {
  const data = new Map<string, unknown>();
  for (const file of (await listFiles(dist)).filter((f) => f.startsWith(`${BUILD_DATA_DIR}/`))) {
    data.set(`/${file}`, JSON.parse(await readFile(join(dist, file), 'utf8')));
  }
  await rm(join(dist, BUILD_DATA_DIR), { recursive: true, force: true });
  let files = new Set(await listFiles(dist));
  const pages = new Map<string, Page>();
  for (const file of [...files].filter((f) => f.endsWith('.html'))) {
    const path = pagePathOf(file);
    pages.set(path, new Page(path, file, await readFile(join(dist, file), 'utf8')));
  }
  const changed = new Set<string>();
  const built: BuiltSite = {
    root,
    dist,
    site,
    get files() {
      return files;
    },
    pages,
    data,
    updatePage(path, html) {
      const page = pages.get(path);
      if (!page) throw new Error(`${path} is not a page of the build`);
      pages.set(path, new Page(path, page.file, html));
      changed.add(path);
    },
  };
  /** Write the pages a transform changed, and take in the files it added. */
  const settle = async () => {
    for (const path of changed) {
      const page = pages.get(path)!;
      await writeFile(join(dist, page.file), page.html);
    }
    changed.clear();
    files = new Set(await listFiles(dist));
  };
  return { site: built, settle };
}

/** The Astro integration that runs a pipeline (./steps.ts has the site's). */
export function postBuild(pipeline: Pipeline): AstroIntegration {
  let root = '';
  let site = '';
  const steps = [...pipeline.transforms, ...pipeline.checks];
  return {
    name: 'post-build',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        for (const step of steps) if (step.dataRoute) injectRoute({ ...step.dataRoute, prerender: true });
      },
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('the post-build pipeline needs `site` in astro.config.ts');
        root = fileURLToPath(config.root);
        site = config.site;
      },
      'astro:build:start': async ({ logger }) => {
        for (const check of pipeline.sources) await check.run(root, logger.fork(check.name));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { site: built, settle } = await readBuiltSite(root, fileURLToPath(dir), site);
        for (const step of steps) {
          await step.run(built, logger.fork(step.name));
          await settle();
        }
      },
    },
  };
}
