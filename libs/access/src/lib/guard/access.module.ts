import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwksClient } from '../tokens/key-source';
import { RateLimiter } from '../tokens/rate-limiter';
import { TokenVerifier } from '../tokens/token.verifier';
import type { AccessConfig } from './access.config';
import { AccessGate } from './access.gate';
import type { AccessTokenVerifier, GateRequest } from './access.gate';
import { AccessGuard } from './access.guard';
import type { HttpReply } from '@interscambio/http';

export interface AccessOptions {
  verifier: AccessTokenVerifier;
  /** Requests a minute per client when its token names no limit of its own. */
  rateLimitPerMinute: number;
}

/** The AccessGate (installed with installAccessGate) and the scope guard, for every route of the service. */
@Module({})
export class AccessModule {
  static forService(options: AccessOptions): DynamicModule {
    const limiter = new RateLimiter({ limit: options.rateLimitPerMinute, windowSeconds: 60 });
    return {
      module: AccessModule,
      providers: [
        { provide: AccessGate, useValue: new AccessGate(options.verifier, limiter) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessGate],
    };
  }

  /** A service whose tokens the registry issues for `audience`, verified offline against its JWKS. */
  static forAudience(audience: string, config: AccessConfig): DynamicModule {
    const keys = new JwksClient({ url: config.jwksUrl });
    return AccessModule.forService({
      verifier: new TokenVerifier({ keys, issuer: config.tokenIssuer, audience }),
      rateLimitPerMinute: config.rateLimitPerMinute,
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
