import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy that refuses every request. Chromium is pointed at it and loopback bypasses proxies,
 * so nothing the browser does can leave the machine: not a page, not the extension, not
 * Chromium's own background calls (sign-in and update checks, which it makes even with no
 * extension loaded). Which context asked is told apart from the browser's side, not here.
 */
export interface NetworkBlocker {
  /** For Chromium's `--proxy-server`. */
  proxyUrl: string;
  /** Everything refused, in order: `https://host:port` for tunnels, full URLs for plain HTTP. */
  refused: string[];
  close(): Promise<void>;
}

export async function startNetworkBlocker(): Promise<NetworkBlocker> {
  const refused: string[] = [];
  const server: Server = createServer((request, response) => {
    refused.push(request.url ?? '(unknown)');
    response.writeHead(403).end('Blocked: nothing leaves 127.0.0.1 here');
  });
  server.on('connect', (request, socket) => {
    // The browser may drop a refused tunnel before the answer is written: a reset socket is the
    // refusal done, not an error of the test run.
    socket.on('error', () => {});
    refused.push(`https://${request.url ?? '(unknown)'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
