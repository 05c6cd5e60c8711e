import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');

/** Serve the built dist/ with `astro preview` on a port, and stop it when done. For tools, not for tests. */
export async function startPreview(port: number): Promise<{ origin: string; stop: () => void }> {
  // With this tool's own Node (the project's Node 24): npm puts the machine's Node first on PATH, and Astro
  // refuses to run on Node 20.
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/.bin/astro'), 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${origin}/zh/`);
      if (res.ok) return { origin, stop: () => process.kill(-child.pid!, 'SIGTERM') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-child.pid!, 'SIGTERM');
  throw new Error(`astro preview did not start on ${origin}`);
}

/** A phone's screen and touch, as the screenshot tools look at pages: 390 × 844 CSS pixels, as most readers hold it. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
} as const satisfies BrowserContextOptions;

/**
 * Serve the built dist/ on PORT + 100 and launch Debian's Chromium (or CHROMIUM_PATH); run `work` with both, then
 * close them, whether it succeeds or fails. For tools, not for tests.
 */
export async function withSite(work: (browser: Browser, origin: string) => Promise<void>): Promise<void> {
  const server = await startPreview(Number(process.env['PORT'] ?? 4321) + 100);
  try {
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      await work(browser, server.origin);
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
}
