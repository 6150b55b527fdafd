// One address for every theme service on a developer's machine, routing by the first path segment
// (`/tributi/…` → the tributi service), as nginx or the Kubernetes Ingress do elsewhere (deploy/).
// Run alone with `node tools/scripts/gateway.ts`; `npm start` starts it after the services.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { platformServices } from './services.ts';
import type { Service } from './services.ts';

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Where the services listen. */
  upstreamHost?: string;
  services: Service[];
}

// The services' body limits (defaultBodyLimits in libs/http): a service answers a larger body with
// 413 and closes the connection before reading it, and a proxy still sending it then gets EPIPE
// instead of the answer. The gateway refuses such a body itself, as nginx's client_max_body_size does.
// A spreadsheet upload takes up to MAX_UPLOAD_BYTES (libs/exchange uploads/upload.receiver.ts).
const BODY_LIMITS = { single: 2 * 1024 * 1024, batch: 10 * 1024 * 1024, upload: 64 * 1024 * 1024 };
const DRAIN_LIMIT = 64 * 1024 * 1024;

// RFC 9110 §7.6.1: these describe one connection, not the message, and a proxy must not forward them.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

export function startGateway(options: GatewayOptions): Promise<http.Server> {
  const byName = new Map(options.services.map((s) => [s.name, s]));
  const server = http.createServer((req, res) => {
    const first = (req.url ?? '/').split(/[/?#]/)[1] ?? '';
    const service = byName.get(first);
    if (service) return proxy(req, res, service, options.upstreamHost ?? '127.0.0.1');
    // Open data, for anybody: /opendata/<theme>/… is the theme's /<theme>/v1/opendata/….
    const openData = first === 'opendata' ? byName.get((req.url ?? '').split(/[/?#]/)[2] ?? '') : undefined;
    if (openData) {
      req.url = (req.url ?? '').replace(`/opendata/${openData.name}`, `/${openData.name}/v1/opendata`);
      return proxy(req, res, openData, options.upstreamHost ?? '127.0.0.1');
    }
    if (first === '' && (req.method === 'GET' || req.method === 'HEAD')) return index(req, res, options.services);
    if (first === '') {
      res.setHeader('allow', 'GET, HEAD');
      return problem(req, res, 405, 'method-not-allowed', 'Method not allowed', 'GET / lists the services.');
    }
    problem(req, res, 404, 'unknown-service', 'Not found', `No service answers under /${first}; GET / lists them.`);
  });
  // The feed long-polls: the gateway must not cut a waiting answer short.
  server.requestTimeout = 0;
  // What Node's parser refuses (a header block past 16 KB, bytes that are not HTTP) gets problem+json too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const [status, code, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request-header-fields-too-large', 'The request line and headers exceed 16 KB.']
        : [400, 'bad-request', 'The request is not well-formed HTTP/1.1.'];
    const body = problemBody(randomUUID(), status, code, http.STATUS_CODES[status] ?? 'Bad request', detail);
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
    socket.resume();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve(server));
  });
}

function proxy(req: IncomingMessage, res: ServerResponse, service: Service, host: string): void {
  const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
  const limit = pathname.endsWith('/batch')
    ? BODY_LIMITS.batch
    : pathname.endsWith('/uploads')
      ? BODY_LIMITS.upload
      : BODY_LIMITS.single;
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > limit) {
    // Answered before the body is read. Node then reads the body and drops it, keeping the connection:
    // closing it with bytes still arriving makes the kernel send a reset, and a client still sending
    // saw EPIPE instead of the 413. A body past DRAIN_LIMIT is not worth reading: that connection closes.
    if (length > DRAIN_LIMIT) res.setHeader('connection', 'close');
    const detail = `The body has ${req.headers['content-length']} bytes; this route takes at most ${limit}.`;
    return problem(req, res, 413, 'body-too-large', 'Payload too large', detail);
  }
  let answered = false;
  const upstream = http.request(
    { host, port: service.port, method: req.method, path: req.url, headers: forwarded(req) },
    (answer) => {
      answered = true;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
      pipeline(answer, res, () => undefined);
    },
  );
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    // The service answered before taking the whole body (a 413, say) and closed: its answer stands.
    if (answered) return;
    if (res.headersSent) return void res.destroy(error);
    const detail = `The ${service.name} service does not answer (${error.code ?? error.message}).`;
    problem(req, res, 502, 'service-unavailable', 'Bad gateway', detail);
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  pipeline(req, upstream, () => undefined);
}

function forwarded(req: IncomingMessage): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  const client = req.socket.remoteAddress ?? 'unknown';
  const before = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = before ? `${String(before)}, ${client}` : client;
  headers['x-forwarded-host'] ??= req.headers.host;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort);
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const copy: OutgoingHttpHeaders = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) delete copy[name];
  return copy;
}

function index(req: IncomingMessage, res: ServerResponse, services: Service[]): void {
  const base = `http://${req.headers.host ?? 'localhost'}`;
  const portal = services.find((s) => s.app === 'portal');
  const body = JSON.stringify({
    ...(portal ? { portal: `${base}/${portal.name}` } : {}),
    services: services
      .filter((s) => s !== portal)
      .map((s) => ({
        name: s.name,
        url: `${base}/${s.name}/v1`,
        status: `${base}/${s.name}/v1/status`,
        docs: `${base}/${s.name}/v1/docs`,
        openapi: `${base}/${s.name}/v1/openapi.json`,
      })),
  });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** RFC 9457, shaped like the services' own problems. */
function problem(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  title: string,
  detail: string,
): void {
  const given = req.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && given.length > 0 ? given : randomUUID();
  const body = problemBody(correlationId, status, code, title, detail);
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'x-correlation-id': correlationId,
  });
  res.end(body);
}

function problemBody(correlationId: string, status: number, code: string, title: string, detail: string): string {
  return JSON.stringify({ type: `urn:interscambio:problem:${code}`, title, status, detail, code, correlationId });
}

export function gatewayPort(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['GATEWAY_PORT'] ?? '8080';
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`GATEWAY_PORT must be a port number, not "${value}"`);
  return port;
}

/** `registry=3100,tributi=41234`: services on ports of a test's choosing instead of their own. */
function upstreams(value: string | undefined): Service[] | undefined {
  return value?.split(',').map((entry) => {
    const [name = '', port = ''] = entry.split('=');
    if (!/^[a-z][a-z-]*$/.test(name) || !/^\d{1,5}$/.test(port))
      throw new Error(`GATEWAY_UPSTREAMS must read name=port,…, not "${value}"`);
    return { name, app: name, port: Number(port) };
  });
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '../..');
  const services = upstreams(process.env['GATEWAY_UPSTREAMS']) ?? platformServices(root);
  const port = gatewayPort();
  const server = await startGateway({ port, services });
  process.stderr.write(
    `[gateway] http://localhost:${port}/ → ${services.map((s) => `/${s.name} :${s.port}`).join(', ')}\n`,
  );
  const stop = (): void => void server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
