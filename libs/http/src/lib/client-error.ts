import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_MEDIA_TYPE } from './problem/problem';

const BY_CODE: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'request-header-fields-too-large',
    'The request line and headers exceed 16 KB: shorten the URL (use a cursor, not a list of keys) or the headers.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout', 'The request was not received in time.'],
};

/**
 * A request Node's HTTP parser refused before any route saw it (a header block past 16 KB, bytes
 * that are not HTTP): answered as problem+json like every other refusal, then the socket closed,
 * instead of Fastify's own JSON or a reset.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] = BY_CODE[error.code ?? ''] ?? [
    400,
    'bad-request',
    'The request is not well-formed HTTP/1.1.',
  ];
  const correlationId = randomUUID();
  const title = STATUS_CODES[status] ?? 'Bad request';
  const body = JSON.stringify({ type: `urn:interscambio:problem:${code}`, title, status, detail, code, correlationId });
  if (!socket.writable) return void socket.destroy();
  // Half-close and drain what the client is still sending: destroying the socket with unread bytes
  // makes the kernel answer with a reset, which can reach the client before the answer does.
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Correlation-ID: ${correlationId}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.resume();
  setTimeout(() => socket.destroy(), 5000).unref();
}
