import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/site';

/**
 * The architecture rules of eslint.config.js can fail: each case lints a few lines as if they were a file at the
 * given place in src/ (the file need not exist; what it imports does), and names the rule that must object, or
 * none where the import is allowed.
 */
const eslint = new ESLint({ cwd: ROOT });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const BOUNDARY = 'boundaries/dependencies';
const RUNTIME = 'no-restricted-imports';

describe('the architecture is enforced by lint', () => {
  it.each([
    [
      'a feature imports another feature',
      'src/features/chooser/probe.ts',
      "import { normalizeQuery } from '../search/search';",
      BOUNDARY,
    ],
    [
      'a component imports another feature’s component',
      'src/features/chooser/Probe.astro',
      '---\nimport Fact from \'../facts/Fact.astro\';\n---\n<Fact id="x" />\n',
      BOUNDARY,
    ],
    [
      'browser code imports another feature',
      'src/features/anchors/client/probe.ts',
      "import { rankMethods } from '../../chooser/rank-methods';",
      BOUNDARY,
    ],
    [
      'core imports a feature',
      'src/core/probe.ts',
      "import { rankMethods } from '../features/chooser/rank-methods';",
      BOUNDARY,
    ],
    [
      'pure feature code imports the UI strings (i18next, build time)',
      'src/features/search/probe.ts',
      "import { useTranslations } from '../../i18n';",
      BOUNDARY,
    ],
    [
      'the service worker imports a build step',
      'src/features/offline/worker/probe.ts',
      "import { generateServiceWorker } from '../build/service-worker';",
      BOUNDARY,
    ],
    [
      'browser code imports a build loader',
      'src/features/chooser/client/probe.ts',
      "import { loadHomeData } from '../build/home-data';",
      BOUNDARY,
    ],
    [
      'a build step imports the pipeline’s code (not just its types)',
      'src/features/search/build/probe.ts',
      "import { postBuild } from '../../../build/pipeline';",
      BOUNDARY,
    ],
    [
      'browser code imports a Node module',
      'src/features/search/client/probe.ts',
      "import { readFileSync } from 'node:fs';",
      RUNTIME,
    ],
    [
      'browser code imports a Node module without node:',
      'src/components/client/probe.ts',
      "import { join } from 'path';",
      RUNTIME,
    ],
    [
      'service-worker code imports astro:content',
      'src/features/offline/worker/probe.ts',
      "import { getCollection } from 'astro:content';",
      RUNTIME,
    ],
    [
      'pure code, which the browser may import, imports Node',
      'src/features/chooser/probe.ts',
      "import { createHash } from 'node:crypto';",
      RUNTIME,
    ],
    ['core imports a build-only package', 'src/core/probe.ts', "import { parse } from 'yaml';", RUNTIME],
  ])('fails when %s', async (_, file, code, rule) => {
    expect(await rulesBroken(file, `${code}\nexport {};\n`)).toContain(rule);
  });

  it.each([
    [
      'browser code imports its feature’s pure code and core',
      'src/features/search/client/probe.ts',
      "import { normalizeQuery } from '../search';\nimport { LOCALES } from '../../../core/locales';",
    ],
    [
      'a component imports its feature’s build loader, the shell and the UI strings',
      'src/features/chooser/Probe.astro',
      "---\nimport { loadHomeData } from './build/home-data';\nimport Warning from '../../components/Warning.astro';\nimport { useTranslations } from '../../i18n';\n---\n",
    ],
    [
      'a build step imports the pipeline’s types',
      'src/features/search/build/probe.ts',
      "import type { PostBuildStep } from '../../../build/pipeline';",
    ],
    [
      'the shell imports a feature',
      'src/components/Probe.astro',
      "---\nimport Fact from '../features/facts/Fact.astro';\n---\n",
    ],
    ['schemas use astro/zod anywhere', 'src/core/probe.ts', "import { z } from 'astro/zod';"],
  ])('allows it when %s', async (_, file, code) => {
    const broken = await rulesBroken(file, `${code}\nexport {};\n`);
    expect(broken.filter((r) => r === BOUNDARY || r === RUNTIME || /parsing error/i.test(r))).toEqual([]);
  });
});
