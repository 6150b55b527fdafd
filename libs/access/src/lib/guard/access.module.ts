import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwksClient } from '../tokens/key-source';
import { RateLimiter } from '../tokens/rate-limiter';
import { TokenVerifier } from '../tokens/token.verifier';
import type { AccessConfig } from './access.config';
import { ACCESS_RATE_LIMITER, ACCESS_VERIFIER, AccessGuard } from './access.guard';
import type { AccessTokenVerifier } from './access.guard';

export interface AccessOptions {
  verifier: AccessTokenVerifier;
  /** Requests a minute per client when its token names no limit of its own. */
  rateLimitPerMinute: number;
}

/** Puts the AccessGuard in front of every route of the service that imports it. */
@Module({})
export class AccessModule {
  static forService(options: AccessOptions): DynamicModule {
    return {
      module: AccessModule,
      providers: [
        { provide: ACCESS_VERIFIER, useValue: options.verifier },
        {
          provide: ACCESS_RATE_LIMITER,
          useValue: new RateLimiter({ limit: options.rateLimitPerMinute, windowSeconds: 60 }),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
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
