import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { SqlExecutor } from '@interscambio/persistence';
import { PostgresRateLimiter } from '../limits/postgres-rate.limiter';
import type { RateCounter } from '../limits/rate-counter';
import type { RevocationCheck } from '../revocations/revocation.set';
import { JwksClient } from '../tokens/key-source';
import { TokenVerifier } from '../tokens/token.verifier';
import type { AccessConfig } from './access.config';
import { AccessGate } from './access.gate';
import type { AccessTokenVerifier, GateRequest } from './access.gate';
import { AccessGuard } from './access.guard';
import type { HttpReply } from '@interscambio/http';

export interface AccessOptions {
  verifier: AccessTokenVerifier;
  /** Counts requests per client (its token's limit, or the service's) and per address without a token. */
  limiter: RateCounter;
  /** Refuses the tokens of clients, keys and enti revoked since the token was issued. */
  revocations?: RevocationCheck;
}

/** Where the replicas of a service keep what they share: its schema (rate_limit) and the revocations they refuse. */
export interface SharedAccessState {
  sql: SqlExecutor;
  schema: string;
  revocations: RevocationCheck;
  log: (message: string) => void;
}

/** The AccessGate (installed with installAccessGate) and the scope guard, for every route of the service. */
@Module({})
export class AccessModule {
  static forService(options: AccessOptions): DynamicModule {
    return {
      module: AccessModule,
      providers: [
        { provide: AccessGate, useValue: new AccessGate(options.verifier, options.limiter, options.revocations) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessGate],
    };
  }

  /** A service whose tokens the registry issues for `audience`, verified offline against its JWKS. */
  static forAudience(audience: string, config: AccessConfig, shared: SharedAccessState): DynamicModule {
    const keys = new JwksClient({ url: config.jwksUrl });
    return AccessModule.forService({
      verifier: new TokenVerifier({ keys, issuer: config.tokenIssuer, audience }),
      limiter: new PostgresRateLimiter({
        sql: shared.sql,
        schema: shared.schema,
        limit: config.rateLimitPerMinute,
        windowSeconds: 60,
        log: shared.log,
      }),
      revocations: shared.revocations,
    });
  }
}

interface HookHost {
  addHook(name: 'onRequest', hook: (request: GateRequest, reply: HttpReply) => Promise<void>): unknown;
}

/**
 * Puts the AccessGate in Fastify's onRequest hook: call it after NestFactory.create and before
 * app.init(), when no route is registered yet, so that it runs before any body is read.
 */
export function installAccessGate(app: INestApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as HookHost;
  fastify.addHook('onRequest', app.get(AccessGate).onRequest);
}
