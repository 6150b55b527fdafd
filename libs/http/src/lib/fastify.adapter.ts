import type { IncomingMessage } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { answerClientError, answerConnect, answerExpectation } from './client-error';
import { correlationIdOf } from './correlation';
import type { HttpReply, HttpRequest } from './http.types';
import { nestedDeeperThan } from './json-depth';
import { BadRequestError, MalformedJsonError } from './problem/problem.error';
import { sendProblem } from './problem/send-problem';

export interface BodyLimits {
  /** Bytes accepted by any route but a batch. */
  single: number;
  /** Bytes accepted by a `/batch` route. */
  batch: number;
}

const defaultBodyLimits: BodyLimits = { single: 2 * 1024 * 1024, batch: 10 * 1024 * 1024 };

// Records nest a few levels, a batch three more; thousands of levels only overflow the stack of
// whatever walks the document next (the idempotency fingerprint did, with a 500).
const MAX_JSON_DEPTH = 64;

/**
 * Fastify as the services want it: the request id is the correlation id, echoed on every answer;
 * only JSON bodies are parsed (anything else is a 415); body limits per kind of route.
 */
export function createFastifyAdapter(
  trustedProxies: string[] = ['loopback'],
  limits: BodyLimits = defaultBodyLimits,
): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: limits.single,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdOf(req.headers['x-correlation-id']),
    // The gateway, nginx or the ingress forward X-Forwarded-For: callers without a token are
    // rate-limited by their own address, not all together by the proxy's. Anybody else could write
    // the header too, so it counts only from the proxies the deployment names (TRUSTED_PROXIES).
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    // A record key may be 200 characters: its own routes must take it (the default is 100).
    routerOptions: { maxParamLength: 512 },
    // A path Fastify cannot route (bad percent-encoding, a segment past 512 characters).
    frameworkErrors: (error: Error, request: HttpRequest, reply: HttpReply) => void sendProblem(request, reply, error),
    clientErrorHandler: answerClientError,
    // Node answers a missing Host with a bare 400 of its own; the onRequest hook below answers it instead.
    http: { requireHostHeader: false },
  });
  const fastify = adapter.getInstance();
  fastify.server.on('connect', answerConnect);
  fastify.server.on('checkExpectation', answerExpectation);
  fastify.removeContentTypeParser(['text/plain', 'application/json']);
  // Fastify's own parser (prototype-poisoning checks included), failing with our code instead of its.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // A GET or DELETE sent with a JSON content type and nothing else has no body, not a broken one.
    if (body.length === 0) return done(null, undefined);
    void parseJson(request, body.toString(), (error, value) => {
      if (error) return done(new MalformedJsonError(), undefined);
      if (nestedDeeperThan(value, MAX_JSON_DEPTH))
        return done(
          new BadRequestError('json-too-deep', {
            it: `Il corpo annida array e oggetti per più di ${MAX_JSON_DEPTH} livelli.`,
            en: `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
          }),
          undefined,
        );
      done(null, value);
    });
  });
  // Nest registers its routes at init, after this hook exists, so each route gets its own limit.
  fastify.addHook('onRoute', (route) => {
    if (route.url.endsWith('/batch')) route.bodyLimit = limits.batch;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-correlation-id', request.id);
    const refusal = refusalOf(request.raw.httpVersion, request);
    if (refusal) return void sendProblem(request, reply, refusal);
    done();
  });
  // API answers may carry records (riservato, personale) and change at every revision: no cache
  // keeps them unless a route says otherwise (the docs' static assets do).
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  // Every query parameter of every route takes one value (several go comma-separated in one).
  fastify.addHook('preValidation', async (request, reply) => {
    const repeated = Object.entries(request.query as Record<string, unknown>).find(([, v]) => Array.isArray(v));
    if (!repeated) return;
    const [name, values] = repeated as [string, unknown[]];
    const shown = name.slice(0, 100);
    const detail = {
      it: `Il parametro di query "${shown}" compare ${values.length} volte: indicarlo una volta sola (più valori vanno separati da virgole).`,
      en: `The query parameter "${shown}" is given ${values.length} times: give it once (several values go comma-separated in one).`,
    };
    sendProblem(request, reply, new BadRequestError('invalid-query', detail));
    return reply;
  });
  return adapter;
}

/** What no route takes, refused before routing. */
function refusalOf(httpVersion: string, request: HttpRequest): BadRequestError | undefined {
  // RFC 9112 §3.2: an HTTP/1.1 request without Host is refused with 400.
  if (httpVersion === '1.1' && request.headers.host === undefined)
    return new BadRequestError('missing-host', {
      it: "Una richiesta HTTP/1.1 deve inviare l'intestazione Host.",
      en: 'An HTTP/1.1 request must send a Host header.',
    });
  // PostgreSQL text cannot hold a NUL: in a path or query value it failed queries (as a lost connection, 503).
  if (request.url.includes('%00'))
    return new BadRequestError('invalid-url', {
      it: "L'URL contiene un carattere NUL (%00), che nessun nome, chiave o valore può contenere.",
      en: 'The URL carries a NUL character (%00), which no name, key or value may hold.',
    });
  return undefined;
}
