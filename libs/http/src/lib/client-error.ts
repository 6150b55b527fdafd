import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_MEDIA_TYPE } from './problem/problem';

const BY_CODE: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'request-header-fields-too-large',
    'The request line and headers exceed 16 KB: shorten the URL (use a cursor, not a list of keys) or the headers.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout', 'The request was not received in time.'],
};

const ALLOWED_METHODS = 'GET, HEAD, PUT, POST, PATCH, DELETE, OPTIONS';

function problemAnswer(status: number, code: string, detail: string): { head: Record<string, string>; body: string } {
  const correlationId = randomUUID();
  const title = STATUS_CODES[status] ?? 'Bad request';
  const body = JSON.stringify({ type: `urn:interscambio:problem:${code}`, title, status, detail, code, correlationId });
  const head = {
    'Content-Type': PROBLEM_MEDIA_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Correlation-ID': correlationId,
    Connection: 'close',
  };
  return { head, body };
}

/** A problem written straight to a socket no route will answer on, which is then closed. */
function endWithProblem(
  socket: Duplex,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, string> = {},
): void {
  const { head, body } = problemAnswer(status, code, detail);
  if (!socket.writable) return void socket.destroy();
  const lines = Object.entries({ ...head, ...extra }).map(([name, value]) => `${name}: ${value}\r\n`);
  // Half-close and drain what the client is still sending: destroying the socket with unread bytes
  // makes the kernel answer with a reset, which can reach the client before the answer does.
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`);
  socket.resume();
  setTimeout(() => socket.destroy(), 5000).unref();
}

/**
 * A request Node's HTTP parser refused before any route saw it (a header block past 16 KB, bytes
 * that are not HTTP): answered as problem+json like every other refusal, then the socket closed,
 * instead of Fastify's own JSON or a reset.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] = BY_CODE[error.code ?? ''] ?? [
    400,
    'bad-request',
    'The request is not well-formed HTTP/1.1.',
  ];
  endWithProblem(socket, status, code, detail);
}

/** CONNECT asks for a tunnel, which Node hands to a 'connect' listener or else drops without a word. */
export function answerConnect(_request: IncomingMessage, socket: Duplex): void {
  endWithProblem(socket, 405, 'method-not-allowed', 'CONNECT is not supported: this service is not a proxy.', {
    Allow: ALLOWED_METHODS,
  });
}

/** An Expect other than 100-continue: 417 (RFC 9110 §10.1.1), which Node would send without a body. */
export function answerExpectation(request: IncomingMessage, response: ServerResponse): void {
  const expect = String(request.headers.expect ?? '').slice(0, 40);
  const { head, body } = problemAnswer(
    417,
    'expectation-failed',
    `Expect "${expect}" is not supported; only 100-continue is.`,
  );
  response.writeHead(417, head).end(body);
}
