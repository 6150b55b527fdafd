import { RequestContext } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyAdapter } from '@nestjs/platform-fastify';

/**
 * A MikroORM request context (a forked EntityManager) around each request's handler, guards
 * included. Created in preHandler, after the body is parsed: a context opened in onRequest is lost
 * while Fastify reads a request body (fastify/middie#124).
 */
export function registerRequestContext(adapter: FastifyAdapter, orm: MikroORM): void {
  adapter.getInstance().addHook('preHandler', (_request, _reply, done) => {
    RequestContext.create(orm.em, done);
  });
}
