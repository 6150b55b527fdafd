import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP endpoint that webhooks are posted to, for a test or a benchmark. */
export interface HookServer {
  /** `http://127.0.0.1:<port>/hook` */
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 and hands each request, once its whole body has arrived, to `answer`, then
 * replies with the status `answer` returns and no body.
 */
export async function startHookServer(
  answer: (request: IncomingMessage, body: Buffer) => number,
  options: { keepAliveTimeout?: number } = {},
): Promise<HookServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      response.writeHead(answer(request, Buffer.concat(chunks))).end();
    });
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
