import type { IncomingHttpHeaders } from 'node:http';

// The little of Fastify's request and reply the exchange uses, so that no file depends on the
// `fastify` package directly (it comes with @nestjs/platform-fastify, not as our dependency).

export interface HttpRequest {
  id: string;
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  /** The matched route; its `url` is the pattern (`/tributi/v1/records/:type/:ente/:key`). */
  routeOptions?: { url?: string };
}

export interface HttpReply {
  status(code: number): HttpReply;
  header(name: string, value: string): HttpReply;
  headers(values: Record<string, string>): HttpReply;
  getHeader(name: string): number | string | string[] | undefined;
  send(payload?: unknown): HttpReply;
}
