import type { INestApplication } from '@nestjs/common';
import { traceparentOf } from '@interscambio/http';
import type { HttpRequest } from '@interscambio/http';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { activeTraceparent, newTraceparent, traceIdOf } from '../tracing/traceparent';
import type { ServiceLogger } from './service-logger';

/** A request as the hooks see it: the access gate has put the verified caller on it, if any. */
export interface ObservedRequest extends HttpRequest {
  caller?: { clientId: string; ente: string };
  /** The trace context the request's effects carry on (outbox rows, events): see requestTraceparent. */
  traceparent?: string;
}

interface ObservedReply {
  statusCode: number;
  elapsedTime: number;
}

interface HookHost {
  addHook(name: 'onRequest', hook: (request: ObservedRequest, reply: unknown, done: () => void) => void): unknown;
  addHook(
    name: 'onResponse',
    hook: (request: ObservedRequest, reply: ObservedReply, done: () => void) => void,
  ): unknown;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The request's trace context: the OpenTelemetry span serving it when the SDK runs; else the
 * caller's `traceparent`, carried as is; else a new trace, so every record can be followed.
 */
export function requestTraceparent(request: ObservedRequest): string {
  request.traceparent ??= activeTraceparent() ?? traceparentOf(request.headers.traceparent) ?? newTraceparent();
  return request.traceparent;
}

/**
 * Per request, when its answer is sent: the HTTP metric (by route pattern, never the URL) and one
 * log line with the correlation id, the trace, the client and its ente — nothing of the URL, the
 * headers or the body, where tokens and personal data travel. Call before app.init().
 */
export function installRequestObservability(
  app: INestApplication,
  metrics: ServiceMetrics,
  logger: ServiceLogger,
): void {
  const fastify = app.getHttpAdapter().getInstance() as HookHost;
  const logRequests = logger.isLevelEnabled('info');
  fastify.addHook('onRequest', (request, _reply, done) => {
    requestTraceparent(request);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const method = METHODS.has(request.method) ? request.method : 'OTHER';
    const route = request.routeOptions?.url ?? '(unmatched)';
    const status = reply.statusCode;
    metrics.httpRequests.observe({ method, route, status_code: status }, reply.elapsedTime / 1000);
    if (logRequests) {
      logger.info(
        {
          correlationId: request.id,
          traceId: traceIdOf(request.traceparent),
          method,
          route,
          status,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          client: request.caller?.clientId,
          ente: request.caller?.ente,
        },
        'request',
      );
    }
    done();
  });
}
