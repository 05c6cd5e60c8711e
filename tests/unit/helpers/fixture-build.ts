import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../../..');
const COPY = ['src', 'content', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json'];

export interface BuildResult {
  ok: boolean;
  output: string;
  dir: string;
}

/**
 * Build a copy of the real site after `mutate` changed some of its files, to prove that a content mistake
 * fails the build with a useful message. The copy shares node_modules; it is deleted afterwards, unless `keep`
 * is set (then the caller looks at `dir`/dist and removes `dir`).
 */
export function buildWith(
  mutate: (file: (path: string) => { read: () => string; write: (text: string) => void }) => void,
  { keep = false }: { keep?: boolean } = {},
): BuildResult {
  const dir = mkdtempSync(join(tmpdir(), 'topup-fixture-'));
  try {
    for (const entry of COPY) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    mutate((path) => ({
      read: () => readFileSync(join(dir, path), 'utf8'),
      write: (text) => writeFileSync(join(dir, path), text),
    }));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    // Astro colours some output even without a TTY; strip ANSI codes so tests can match plain text.
    const output = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
    return { ok: run.status === 0, output, dir };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A second build of the real site, "build B", kept for the caller (who removes `dir`): every page's footer ends in
 * `marker`, and the site script sets `data-build="B"` on `<html>`, so a test can tell which build a page came from.
 */
export function buildB(marker: string): BuildResult {
  return buildWith(
    (file) => {
      for (const locale of ['en', 'zh']) {
        const strings = file(`src/i18n/${locale}.json`);
        const json = JSON.parse(strings.read()) as Record<string, string>;
        json['footer.independent'] = `${json['footer.independent']} ${marker}`;
        strings.write(JSON.stringify(json, null, 2));
      }
      const script = file('src/components/client/locale-links.ts');
      script.write(`${script.read()}\ndocument.documentElement.dataset['build'] = 'B';\n`);
    },
    { keep: true },
  );
}
