import type { HttpReply } from './http.types';

/** A complete HTTP answer, as a value: what a replayed Idempotency-Key sends back verbatim. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function send(reply: HttpReply, answer: HttpAnswer): HttpReply {
  void reply.status(answer.status).headers(answer.headers);
  return answer.body === undefined ? reply.send() : reply.send(answer.body);
}

export const etag = (revision: number): string => `"${revision}"`;
