import type { IncomingMessage } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { MalformedJsonError } from './problem/problem.error';
import { correlationIdOf } from './correlation';

export interface BodyLimits {
  /** Bytes accepted by any route but a batch. */
  single: number;
  /** Bytes accepted by a `/batch` route. */
  batch: number;
}

export const defaultBodyLimits: BodyLimits = { single: 2 * 1024 * 1024, batch: 10 * 1024 * 1024 };

/**
 * Fastify as the services want it: the request id is the correlation id, echoed on every answer;
 * only JSON bodies are parsed (anything else is a 415); body limits per kind of route.
 */
export function createFastifyAdapter(limits: BodyLimits = defaultBodyLimits): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: limits.single,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdOf(req.headers['x-correlation-id']),
    // The gateway (and nginx) on the same host forward X-Forwarded-For: callers without a token are
    // rate-limited by their own address, not all together by the proxy's.
    trustProxy: 'loopback',
  });
  const fastify = adapter.getInstance();
  fastify.removeContentTypeParser(['text/plain', 'application/json']);
  // Fastify's own parser (prototype-poisoning checks included), failing with our code instead of its.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(request, body.toString(), (error, value) =>
      error ? done(new MalformedJsonError(), undefined) : done(null, value),
    );
  });
  // Nest registers its routes at init, after this hook exists, so each route gets its own limit.
  fastify.addHook('onRoute', (route) => {
    if (route.url.endsWith('/batch')) route.bodyLimit = limits.batch;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-correlation-id', request.id);
    done();
  });
  return adapter;
}
