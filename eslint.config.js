import { builtinModules } from 'node:module';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole project: JavaScript's and typescript-eslint's recommended rules, eslint-plugin-astro's for
 * .astro files, and the architecture of src/ (README.md, "Layout"). Formatting is Prettier's job
 * (.prettierrc.json), so no rule here is about layout.
 *
 * Which runtime a file runs in is told by where it lives, and enforced here:
 *   client/  the browser (bundled by Astro)        worker/  the service worker
 *   build/   Node at build time only (post-build steps, Markdown plugins, loaders that read collections)
 *   other .ts files of a feature and src/core: pure TypeScript that runs anywhere (no Node, no astro:*, no DOM
 *   globals assumed), so the browser, the worker and the build can all import them;
 *   .astro components render at build time; their <script> imports the feature's client/ code.
 */

/** Node's built-in modules, with and without `node:`: never in code that may run in a browser or a worker. */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];
/** Packages that only work in Node or at build time. */
const BUILD_ONLY_PACKAGES = ['astro:*', 'astro', 'astro/*', '!astro/zod', 'esbuild', 'pagefind', 'workbox-build', 'i18next', 'yaml', 'satteri'];

const runsAnywhere = {
  name: 'runtime: browser, worker and pure code import nothing Node- or build-only',
  files: ['src/core/**/*.ts', 'src/features/*/*.ts', 'src/features/*/client/**/*.ts', 'src/features/*/worker/**/*.ts', 'src/components/client/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: NODE_BUILTINS, message: 'Node modules are for build/ code only: this file may run in a browser or the service worker.' },
          { group: BUILD_ONLY_PACKAGES, message: 'A build-only package: import it from a build/ module, not from code that may run in a browser or the service worker.' },
        ],
      },
    ],
  },
};

/**
 * The parts of src/ and what each may import (eslint-plugin-boundaries). The first pattern a file matches gives
 * its type; `feature` is the folder name under src/features/, so "the same feature" can be checked.
 */
const ELEMENTS = [
  { type: 'feature-client', pattern: 'src/features/*/client/**', mode: 'full', capture: ['feature'] },
  { type: 'feature-worker', pattern: 'src/features/*/worker/**', mode: 'full', capture: ['feature'] },
  { type: 'feature-build', pattern: 'src/features/*/build/**', mode: 'full', capture: ['feature'] },
  { type: 'feature-component', pattern: ['src/features/*/*.astro', 'src/features/*/*.astro/**', 'src/features/*/*.css'], mode: 'full', capture: ['feature'] },
  { type: 'feature', pattern: 'src/features/*/*', mode: 'full', capture: ['feature'] },
  { type: 'core-client', pattern: 'src/core/client/**', mode: 'full' },
  { type: 'core', pattern: 'src/core/**', mode: 'full' },
  { type: 'shell-client', pattern: 'src/components/client/**', mode: 'full' },
  { type: 'shell', pattern: ['src/components/**', 'src/layouts/**', 'src/styles/**'], mode: 'full' },
  { type: 'i18n', pattern: 'src/i18n/**', mode: 'full' },
  { type: 'pages', pattern: 'src/pages/**', mode: 'full' },
  { type: 'pipeline', pattern: 'src/build/**', mode: 'full' },
  { type: 'config', pattern: ['src/content.config.ts', 'src/env.d.ts'], mode: 'full' },
  { type: 'data', pattern: 'content/**', mode: 'full' },
];

const same = (type) => ({ to: { element: { type, captured: { feature: '{{ from.feature }}' } } } });
const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const from = (type) => ({ element: { type } });

const boundaryRules = {
  name: 'architecture: features import only core, data, i18n and the shell, never each other',
  files: ['src/**/*.{ts,astro}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': ELEMENTS,
    'boundaries/include': ['src/**/*', 'content/**/*'],
    'import/resolver': { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message: '{{ from.type }} code may not import {{ to.type }} code here (see the architecture in eslint.config.js)',
        policies: [
          // Pure feature code: itself and core only.
          { from: from('feature'), allow: [same('feature'), to('core')] },
          // Browser and service-worker code: their own folder, the feature's pure code, core (and the browser's core helpers).
          { from: from('feature-client'), allow: [same('feature-client'), same('feature'), to('core', 'core-client')] },
          { from: from('feature-worker'), allow: [same('feature-worker'), same('feature'), to('core')] },
          // Build-time code of a feature: its pure code and its build code, core, UI strings, data.
          { from: from('feature-build'), allow: [same('feature-build'), same('feature'), to('core', 'i18n', 'data', 'shell')] },
          // Components: the whole feature, core, UI strings, data and the site's shell.
          {
            from: from('feature-component'),
            allow: [same('feature-component'), same('feature'), same('feature-client'), same('feature-build'), to('core', 'core-client', 'i18n', 'data', 'shell')],
          },
          { from: from('core'), allow: to('core') },
          { from: from('core-client'), allow: to('core', 'core-client') },
          { from: from('i18n'), allow: to('core', 'i18n') },
          // The shell and the routes put the features together.
          { from: from('shell-client'), allow: to('core', 'core-client', 'shell-client', 'feature', 'feature-client') },
          { from: from('shell'), allow: to('core', 'core-client', 'shell', 'shell-client', 'i18n', 'data', 'feature', 'feature-component', 'feature-build') },
          { from: from('pages'), allow: to('core', 'shell', 'i18n', 'data', 'feature', 'feature-component', 'feature-build') },
          { from: from('pipeline'), allow: to('core', 'pipeline', 'feature', 'feature-build') },
          { from: from('config'), allow: to('core', 'feature', 'feature-build') },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'screenshots/', 'content/', 'tests/unit/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|Props$)' }],
    },
  },
  runsAnywhere,
  boundaryRules,
);
