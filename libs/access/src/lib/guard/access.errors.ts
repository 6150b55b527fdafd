import { ProblemError } from '@interscambio/http';
import type { JwtError } from '../tokens/jwt.error';

const REALM = 'realm="interscambio"';

/** RFC 6750 §3 escapes nothing: keep the description to characters a quoted-string allows. */
const quoted = (text: string): string => `"${text.replace(/[\\"]/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`;

export class TokenMissingError extends ProblemError {
  constructor(detail: string) {
    super('token-missing', 401, 'Unauthorized', detail, undefined, { 'www-authenticate': `Bearer ${REALM}` });
  }
}

/** A token that does not verify, with the verifier's precise reason as code and message. */
export class TokenRejectedError extends ProblemError {
  constructor(error: JwtError) {
    super(`token-${error.reason}`, 401, 'Unauthorized', error.message, undefined, {
      'www-authenticate': `Bearer ${REALM}, error="invalid_token", error_description=${quoted(error.message)}`,
    });
  }
}

export class KeysUnavailableError extends ProblemError {
  constructor(error: JwtError) {
    super('token-keys-unavailable', 503, 'Service unavailable', error.message, undefined, { 'retry-after': '5' });
  }
}

export class InsufficientScopeError extends ProblemError {
  constructor(needed: readonly string[], granted: ReadonlySet<string>) {
    const has = granted.size > 0 ? [...granted].join(' ') : 'none';
    super(
      'insufficient-scope',
      403,
      'Forbidden',
      `This needs scope ${needed.join(' or ')}; the token has ${has}.`,
      undefined,
      { 'www-authenticate': `Bearer ${REALM}, error="insufficient_scope", scope=${quoted(needed.join(' '))}` },
    );
  }
}

export class RateLimitedError extends ProblemError {
  constructor(limit: number, windowSeconds: number, resetSeconds: number) {
    super(
      'rate-limited',
      429,
      'Too many requests',
      `This client may make ${limit} requests every ${windowSeconds} s; try again in ${resetSeconds} s.`,
      undefined,
      { 'retry-after': String(resetSeconds) },
    );
  }
}
