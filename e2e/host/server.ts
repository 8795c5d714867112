import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveAppRequest } from '../../electron/main/protocol';
import { securityHeaders } from '../../electron/main/security';

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer the way Electron's app:// protocol does: the same request rules
 * (resolveAppRequest) and the same headers, CSP included, so e2e runs under the users' policy.
 */
export async function startRendererServer(root: string, port = 0): Promise<RendererServer> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    const decision = resolveAppRequest(request.method ?? 'GET', `${origin}${request.url ?? '/'}`, root, new URL(origin).host);
    if (decision.status !== 200) {
      response.writeHead(decision.status).end();
      return;
    }
    readFile(decision.filePath).then(
      (body) => response.writeHead(200, securityHeaders(decision.contentType)).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
