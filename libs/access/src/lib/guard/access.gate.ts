import type { HttpReply } from '@interscambio/http';
import { sendProblem } from '@interscambio/http';
import type { AccessToken } from '../tokens/access-token';
import { JwtError } from '../tokens/jwt.error';
import type { RateCounter } from '../limits/rate-counter';
import type { RevocationCheck } from '../revocations/revocation.set';
import { PUBLIC_ROUTE, UNLIMITED_ROUTE } from '@interscambio/http';
import { REQUIRED_SCOPES } from './access.decorators';
import {
  InsufficientScopeError,
  KeysUnavailableError,
  RateLimitedError,
  TokenMissingError,
  TokenRejectedError,
} from './access.errors';
import type { CallerRequest } from './caller';

/** What the gate needs of a token verifier: the offline TokenVerifier, or the registry's own. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessToken>;
}

/** The request as Fastify's onRequest hook sees it: the route is known, the body not yet read. */
export interface GateRequest extends CallerRequest {
  routeOptions?: { url?: string; config?: Record<string, unknown> };
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * Authenticates, rate-limits and checks the route's scopes for every request BEFORE its body is
 * read: nobody without a valid token, or without the scope, makes the service parse megabytes (or
 * learns from a 400 what a route would accept), and nobody escapes the limit. A public route needs no token; callers
 * without a valid one are counted by address. X-RateLimit-* goes on every answer, refusals included.
 */
export class AccessGate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    readonly limiter: RateCounter,
    private readonly revocations?: RevocationCheck,
  ) {}

  /** Fastify's onRequest hook: sets `request.caller`, or answers the refusal itself. */
  readonly onRequest = async (request: GateRequest, reply: HttpReply): Promise<void> => {
    try {
      await this.admit(request, reply);
    } catch (error) {
      sendProblem(request, reply, error);
    }
  };

  private async admit(request: GateRequest, reply: HttpReply): Promise<void> {
    const byAddress = `ip:${request.ip ?? 'unknown'}`;
    const config = request.routeOptions?.config ?? {};
    if (config[UNLIMITED_ROUTE] === true) return;
    if (config[PUBLIC_ROUTE] === true) return this.limit(reply, byAddress);
    let token: AccessToken;
    try {
      token = await this.verifier.verify(bearerOf(request.headers.authorization));
      const revoked = this.revocations?.refusal(token);
      if (revoked) throw new JwtError('revoked', revoked);
    } catch (error) {
      await this.limit(reply, byAddress);
      throw error instanceof JwtError
        ? error.reason === 'keys-unavailable'
          ? new KeysUnavailableError(error)
          : new TokenRejectedError(error)
        : error;
    }
    await this.limit(reply, `client:${token.clientId}`, token.rateLimit);
    request.caller = { clientId: token.clientId, ente: token.ente, scopes: token.scopes };
    const needed = request.routeOptions?.config?.[REQUIRED_SCOPES] as string[] | undefined;
    if (needed && !needed.some((s) => token.scopes.has(s))) throw new InsufficientScopeError(needed, token.scopes);
  }

  private async limit(reply: HttpReply, key: string, limit?: number): Promise<void> {
    const decision = await this.limiter.take(key, limit);
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
    throw new TokenMissingError({
      it: 'Manca il token di accesso: inviare `Authorization: Bearer <token>` con un token del registro (POST /registry/v1/oauth/token).',
      en: 'No access token: send `Authorization: Bearer <token>` with a token from the registry (POST /registry/v1/oauth/token).',
    });
  const match = BEARER.exec(header);
  if (!match)
    throw new TokenMissingError({
      it: "L'intestazione Authorization deve essere `Bearer <token>`.",
      en: 'The Authorization header must be `Bearer <token>`.',
    });
  return match[1] as string;
}
