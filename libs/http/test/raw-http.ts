import { connect } from 'node:net';
import fc from 'fast-check';
import type { HttpAnswerSeen } from './answer-check';
import { hostileText } from './hostile-values';

export interface RawExchange {
  /** Every answer the connection carried, in order. */
  answers: HttpAnswerSeen[];
  /** Bytes after the last answer that could not be read as one (a cut or malformed answer). */
  rest: string;
}

/**
 * Sends `bytes` on a fresh connection and reads what comes back. The connection stays open while
 * answers arrive, since Node drops the answers still pending when a client half-closes; once
 * `quietMs` pass with nothing new, the exchange is over if something was answered (finally: a
 * `100 Continue` only says the server is reading the body, and the write may still commit), else the client
 * half-closes (it has nothing more to send: a server waiting for the rest of a body must now
 * answer) and waits for the server to close, `patienceMs` at most.
 */
export function rawExchange(
  port: number,
  bytes: string | Buffer,
  quietMs = 1500,
  patienceMs = 10_000,
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const read = (): RawExchange => readAnswers(Buffer.concat(chunks).toString('latin1'));
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const done = setTimeout(() => socket.destroy(), patienceMs);
    let quiet: NodeJS.Timeout | undefined;
    const wait = (ms: number): void => {
      clearTimeout(quiet);
      quiet = setTimeout(() => (read().answers.some(isFinal) ? socket.destroy() : socket.end()), ms);
    };
    wait(quietMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      wait(200);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(done);
      clearTimeout(quiet);
      resolve(read());
    });
  });
}

/** An answer that ends its request, not an interim 1xx. */
export function isFinal(answer: HttpAnswerSeen): boolean {
  return answer.status >= 200;
}

/** HTTP/1.1 answers one after the other, each with Content-Length or chunked, or bodiless by status. */
export function readAnswers(text: string): RawExchange {
  const answers: HttpAnswerSeen[] = [];
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(rest);
    if (end < 0 || !status) break;
    const headers: Record<string, string> = {};
    for (const line of rest.slice(0, end).split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body = rest.slice(end + 4);
    let after = '';
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      after = body.slice(length);
      body = body.slice(0, length);
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      [body, after] = unchunk(body);
    } else if (/^(1\d\d|204|304)$/.test(status[1] as string)) {
      after = body;
      body = '';
    }
    answers.push({ status: Number(status[1]), headers, body });
    rest = after;
  }
  return { answers, rest };
}

function unchunk(text: string): [string, string] {
  let body = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (line < 0 || Number.isNaN(size)) return [body, rest];
    if (size === 0) return [body, rest.slice(rest.indexOf('\r\n\r\n', line) + 4)];
    body += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 4 + size);
  }
}

const EOL = fc.oneof({ weight: 10, arbitrary: fc.constant('\r\n') }, fc.constantFrom('\n', '\r', '\r\r\n'));

/** A header block's hostile lines: framing conflicts, forbidden bytes, folding, upgrades. */
const rawHeaderLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 1e3',
    'Content-Length: 99999999999999999999',
    'Content-Length: 5, 5',
    'Content-Length: 0\r\nContent-Length: 7',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: chunked, identity',
    'Transfer-Encoding:  chunked',
    'Transfer-Encoding: xchunked',
    'Transfer-Encoding: chunked\r\nContent-Length: 3',
    'Content-Type: application/json',
    'Content-Type: application/json; charset=utf-16',
    'Expect: 100-continue',
    'Expect: 200-ok',
    'Connection: Upgrade\r\nUpgrade: websocket',
    'Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__',
    'Connection: keep-alive',
    'X-Folded: a\r\n b',
    ' Leading: space',
    'No-Colon',
    ': empty-name',
    'Bad Name: x',
    'X-Nul: a\u0000b',
    'X-Ctl: a\u0001b',
    'X-Del: a\u007fb',
    'X-Latin1: \u00e9\u00ff',
    'Authorization: Bearer \u0000',
    'Authorization: Basic \u00ff\u00fe',
    'Host: a\r\nHost: b',
    'Host:',
    `X-Big: ${'b'.repeat(17_000)}`,
  ),
  hostileText.map((text) => `X-Hostile: ${text}`),
);

/**
 * Requests written byte by byte, for what Node's parser and the adapter do before any route:
 * odd methods, request targets and versions, framing conflicts (request smuggling's raw material),
 * forbidden bytes in header names and values, bodies that do not match their framing. `lines`
 * (a valid Authorization, say) go in now and then, so that some requests get past the gate.
 */
export function rawRequests(paths: readonly string[], lines: readonly string[] = []): fc.Arbitrary<Buffer> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
        fc.constantFrom('FOO', 'get', 'CONNECT', 'TRACE', 'PRI', 'G\u0000T', '', 'M'.repeat(100)),
      ),
      target: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...paths) },
        fc.constantFrom(
          '*',
          'http://x/registry/v1/status',
          '//x',
          '/a b',
          '/\u00e9',
          '/\u0000',
          '/%',
          '/..%2f..%2f',
          'example.com:443',
          `/x?${'q'.repeat(20_000)}`,
        ),
      ),
      version: fc.oneof(
        { weight: 8, arbitrary: fc.constant('HTTP/1.1') },
        fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1 x', 'http/1.1', ''),
      ),
      host: fc.oneof({ weight: 6, arbitrary: fc.constant('Host: 127.0.0.1') }, fc.constant('')),
      lines: fc
        .tuple(lines.length > 0 ? fc.subarray([...lines]) : fc.constant([]), fc.array(rawHeaderLine, { maxLength: 3 }))
        .map(([good, bad]) => [...good, ...bad]),
      eol: EOL,
      body: fc.oneof(
        fc.constant(''),
        fc.constantFrom(
          '{}',
          '5\r\nhello\r\n0\r\n\r\n',
          'zz\r\nx\r\n0\r\n\r\n',
          '{"anno":2024}',
          'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
        ),
        hostileText,
      ),
    })
    .map(({ method, target, version, host, lines, eol, body }) => {
      const head = [`${method} ${target} ${version}`.trimEnd(), ...(host ? [host] : []), ...lines].join(eol);
      const bytes = Buffer.from(`${head}${eol}${eol}${body}`, 'latin1');
      return Object.assign(bytes, {
        [fc.toStringMethod]: () => JSON.stringify(bytes.toString('latin1').slice(0, 2000)),
      });
    });
}
