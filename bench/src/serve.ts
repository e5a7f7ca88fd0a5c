import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/**
 * A static file server on 127.0.0.1 for the built app and the bare page: single-page
 * fallback to index.html, no compression (the bench gzips bodies itself), no caching.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8'
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

function fileFor(dir: string, pathname: string): string | undefined {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  } catch {
    return undefined;
  }
  const path = join(dir, rel);
  if (!path.startsWith(dir)) return undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) return path;
    if (st.isDirectory() && statSync(join(path, 'index.html')).isFile())
      return join(path, 'index.html');
  } catch {
    // Not there.
  }
  return undefined;
}

export function serve(dir: string): Promise<Served> {
  const root = normalize(dir.endsWith('/') ? dir : dir + '/');
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // Unknown paths without an extension are app routes: the SPA's index.html answers.
    const path =
      fileFor(root, pathname) ?? (extname(pathname) ? undefined : join(root, 'index.html'));
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store'
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done()))
      });
    });
  });
}
