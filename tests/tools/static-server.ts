import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

/**
 * A tiny static host for tests, like the real one: `/dir/` serves dir/index.html, unknown paths get 404.html with
 * status 404, and nothing is cached by the browser's HTTP cache (so a deploy is seen at once). `deploy(dir)`
 * swaps the whole site on the same origin, which is how the tests play "build A, then build B is deployed".
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  deploy: (root: string) => void;
  close: () => Promise<void>;
}

export async function startStaticServer(root: string, port: number): Promise<StaticServer> {
  let site = root;
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) return void response.writeHead(400).end();
    let file = join(site, path);
    let status = 200;
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) return void response.writeHead(301, { Location: `${path}/` }).end();
        file = join(file, 'index.html');
      }
      await stat(file);
    } catch {
      file = join(site, '404.html');
      status = 404;
    }
    try {
      const body = await readFile(file);
      response.writeHead(status, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    deploy: (next) => {
      site = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
