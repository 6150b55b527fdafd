import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpReply } from '@interscambio/http';
import type { AccessToken } from '../tokens/access-token';
import { JwtError } from '../tokens/jwt.error';
import type { RateLimiter } from '../tokens/rate-limiter';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './access.decorators';
import {
  InsufficientScopeError,
  KeysUnavailableError,
  RateLimitedError,
  TokenMissingError,
  TokenRejectedError,
} from './access.errors';
import type { CallerRequest } from './caller';

/** What the guard needs of a token verifier: the offline TokenVerifier, or the registry's own. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessToken>;
}

export const ACCESS_VERIFIER = Symbol('ACCESS_VERIFIER');
export const ACCESS_RATE_LIMITER = Symbol('ACCESS_RATE_LIMITER');

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * Every route but a @Public() one: a valid bearer token, within the client's rate limit, with one
 * of the route's @Scopes(). The rate-limit headers go on every answer, refusals included; callers
 * without a valid token are counted by address.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_VERIFIER) private readonly verifier: AccessTokenVerifier,
    @Inject(ACCESS_RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const reply = context.switchToHttp().getResponse<HttpReply>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      this.limit(reply, `ip:${request.ip ?? 'unknown'}`);
      return true;
    }
    let token: AccessToken;
    try {
      token = await this.verifier.verify(bearerOf(request.headers.authorization));
    } catch (error) {
      this.limit(reply, `ip:${request.ip ?? 'unknown'}`);
      throw error instanceof JwtError
        ? error.reason === 'keys-unavailable'
          ? new KeysUnavailableError(error)
          : new TokenRejectedError(error)
        : error;
    }
    this.limit(reply, `client:${token.clientId}`, token.rateLimit);
    request.caller = { clientId: token.clientId, ente: token.ente, scopes: token.scopes };
    const needed = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, targets);
    if (needed && !needed.some((s) => token.scopes.has(s))) throw new InsufficientScopeError(needed, token.scopes);
    return true;
  }

  private limit(reply: HttpReply, key: string, limit?: number): void {
    const decision = this.limiter.take(key, limit);
    void reply.headers({
      'x-ratelimit-limit': String(decision.limit),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(decision.resetSeconds),
    });
    if (!decision.allowed)
      throw new RateLimitedError(decision.limit, this.limiter.windowSeconds, decision.resetSeconds);
  }
}

function bearerOf(header: string | undefined): string {
  if (header === undefined)
    throw new TokenMissingError(
      'No access token: send `Authorization: Bearer <token>` with a token from the registry (POST /registry/v1/oauth/token).',
    );
  const match = BEARER.exec(header);
  if (!match) throw new TokenMissingError('The Authorization header must be `Bearer <token>`.');
  return match[1] as string;
}
