import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Serves `html` at `path` from now on (in-memory pages built by a test or the demo). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

/** Serves in-memory pages and, optionally, files below `root`, on 127.0.0.1 only. */
export async function startStaticServer(root?: string): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const page = pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': contentTypes['.html'] }).end(page);
      return;
    }
    const file = root === undefined ? null : normalize(join(root, path));
    if (root === undefined || file === null || !file.startsWith(normalize(root) + sep)) {
      response.writeHead(404).end('Not found');
      return;
    }
    try {
      const body = await readFile(file);
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
