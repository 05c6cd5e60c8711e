import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

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
