import { spawn } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { resolve } from 'node:path';

/**
 * The CDN's runtime on this machine: `wrangler dev` runs workerd, Cloudflare's Workers runtime, serving dist/ as
 * Workers static assets with wrangler.jsonc, dist/_headers and dist/_redirects, as production does. No account and
 * no network: telemetry, error reports, the update check and the `Request.cf` download are off.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = resolve(ROOT, 'dist');
const PORT = Number(process.env['PORT'] ?? 4321);
/** The Playwright project `cdn` serves dist/ here (playwright.config.ts); tests that deploy builds use the next ports. */
export const CDN_PORT = PORT + 50;

export const WRANGLER_ENV: Record<string, string> = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** `wrangler dev` on 127.0.0.1:port with the project's wrangler.jsonc; `assets` replaces its directory (dist/). */
export function wranglerDevArgs(port: number, assets?: string): string[] {
  return [
    'dev',
    '--config',
    resolve(ROOT, 'wrangler.jsonc'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    ...(assets ? ['--assets', assets] : []),
  ];
}

/** A running `wrangler dev`: where it answers, and how to end it. */
export type Server = { origin: string; stop: () => Promise<void> };

/**
 * Start `wrangler dev` serving `assets`; resolves when it answers. `stop()` ends it and its workerd processes.
 * workerd may hold the port a moment after the previous server on it was stopped ("Address already in use", seen
 * once in a full run): then it tries again, up to five times a second apart.
 */
export async function startWrangler(assets: string, port: number): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWranglerOnce(assets, port);
    } catch (error) {
      if (attempt === 5 || !String(error).includes('Address already in use')) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function startWranglerOnce(assets: string, port: number): Promise<Server> {
  const child = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/wrangler/bin/wrangler.js'), ...wranglerDevArgs(port, assets)],
    {
      cwd: ROOT,
      env: { ...process.env, ...WRANGLER_ENV },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  };
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${origin}/sw.js`, { method: 'HEAD' })).ok) return { origin, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not start on ${origin}:\n${stderr}`);
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, not decoded (a compressed body stays compressed). */
  body: Buffer;
}

/** One GET with exactly these request headers, without following redirects or decoding the body. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}
