import { builtinModules } from 'node:module';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole project: JavaScript's and typescript-eslint's recommended rules, eslint-plugin-astro's for
 * .astro files, and the architecture of src/ (README.md, "Layout"). Formatting is Prettier's job
 * (.prettierrc.json), so no rule here is about layout. tests/unit/lint-rules.test.ts shows each rule failing.
 *
 * Which runtime a file runs in is told by where it lives, and enforced here:
 *   client/  the browser (bundled by Astro)        worker/  the service worker
 *   build/   Node at build time only (post-build steps, Markdown plugins, loaders that read collections)
 *   other .ts files of a feature and src/core: pure TypeScript that runs anywhere (no Node, no astro:*), so the
 *   browser, the worker and the build can all import them;
 *   .astro components render at build time; their <script> imports the feature's client/ code.
 */

/** Node's built-in modules, with and without `node:`: never in code that may run in a browser or a worker. */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];
/** Packages that only work in Node or at build time (astro/zod, the schema library, runs anywhere). */
const BUILD_ONLY_PACKAGES = [
  'astro:*',
  'astro/*',
  '!astro/zod',
  'esbuild',
  'pagefind',
  'workbox-build',
  'i18next',
  'yaml',
  'satteri',
];

const runsAnywhere = {
  name: 'runtime: browser, worker and pure code import nothing Node- or build-only',
  files: [
    'src/core/**/*.ts',
    'src/features/*/*.ts',
    'src/features/*/client/**/*.ts',
    'src/features/*/worker/**/*.ts',
    'src/components/client/**/*.ts',
  ],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: NODE_BUILTINS,
            message: 'Node modules are for build/ code only: this file may run in a browser or the service worker.',
          },
          {
            group: BUILD_ONLY_PACKAGES,
            message:
              'A build-only package: import it from a build/ module, not from code that may run in a browser or the service worker.',
          },
        ],
      },
    ],
  },
};

/**
 * The parts of src/ and what each may import (eslint-plugin-boundaries). A file belongs to the first folder
 * pattern it is in; `feature` is the folder name under src/features/, so "the same feature" can be checked.
 */
const ELEMENTS = [
  { type: 'feature-client', pattern: 'src/features/*/client', capture: ['feature'] },
  { type: 'feature-worker', pattern: 'src/features/*/worker', capture: ['feature'] },
  { type: 'feature-build', pattern: 'src/features/*/build', capture: ['feature'] },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'core-client', pattern: 'src/core/client' },
  { type: 'core', pattern: 'src/core' },
  { type: 'shell-client', pattern: 'src/components/client' },
  { type: 'shell', pattern: ['src/components', 'src/layouts', 'src/styles'] },
  { type: 'i18n', pattern: 'src/i18n' },
  { type: 'pages', pattern: 'src/pages' },
  { type: 'pipeline', pattern: 'src/build' },
  { type: 'data', pattern: 'content' },
];

/** Within a feature's folder, its components (with their <script>s and styles) apart from its pure code. */
const FILES = [
  { category: 'component', pattern: ['**/*.astro', '**/*.astro/**', '**/*.css'] },
  { category: 'logic', pattern: '**/*.ts' },
];

const component = { categories: 'component' };
const pure = { categories: 'logic' };
const inFeature = { feature: '{{ from.feature }}' };
/** The same feature's files of a type (and, optionally, of a file category). */
const same = (type, file) => ({ to: { element: { type, captured: inFeature }, ...(file && { file }) } });
const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const from = (type, file) => ({ element: { type }, ...(file && { file }) });

const POLICIES = [
  // Pure feature code: its own pure code and core only.
  { from: from('feature', pure), allow: [same('feature', pure), to('core')] },
  // Browser and service-worker code: its own folder, the feature's pure code, core (and the browser's core helpers).
  { from: from('feature-client'), allow: [same('feature-client'), same('feature', pure), to('core', 'core-client')] },
  { from: from('feature-worker'), allow: [same('feature-worker'), same('feature', pure), to('core')] },
  // A feature's build-time code: its pure and build code, core, UI strings, data, the shell; and the types of the
  // post-build pipeline (a step is handed the built site), never its code.
  {
    from: from('feature-build'),
    allow: [same('feature-build'), same('feature', pure), to('core', 'i18n', 'data', 'shell')],
  },
  { from: from('feature-build'), allow: { ...to('pipeline'), dependency: { kind: 'type' } } },
  // Components: the whole feature, core, UI strings, data and the site's shell.
  {
    from: from('feature', component),
    allow: [
      same('feature'),
      same('feature-client'),
      same('feature-build'),
      to('core', 'core-client', 'i18n', 'data', 'shell'),
    ],
  },
  { from: from('core'), allow: to('core') },
  { from: from('core-client'), allow: to('core', 'core-client') },
  { from: from('i18n'), allow: to('core', 'i18n') },
  // The shell, the routes, the pipeline and the content config put the features together.
  { from: from('shell-client'), allow: to('core', 'core-client', 'shell-client', 'feature', 'feature-client') },
  {
    from: from('shell'),
    allow: to('core', 'core-client', 'shell', 'shell-client', 'i18n', 'data', 'feature', 'feature-build'),
  },
  { from: from('pages'), allow: to('core', 'shell', 'i18n', 'data', 'feature', 'feature-build') },
  { from: from('pipeline'), allow: to('core', 'pipeline', 'feature', 'feature-build') },
];

const architecture = {
  name: 'architecture: features import only core, data, i18n and the shell, never each other',
  files: ['src/**/*.{ts,astro}'],
  ignores: ['src/content.config.ts', 'src/env.d.ts'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': ELEMENTS,
    'boundaries/files': FILES,
    'boundaries/include': ['src/**/*', 'content/**/*'],
    'import/resolver': { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message: '{{ from.type }} code may not import {{ to.type }} code (the architecture in eslint.config.js)',
        policies: POLICIES,
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'screenshots/',
      'content/',
      'tests/unit/fixtures/',
    ],
  },
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
  architecture,
);
