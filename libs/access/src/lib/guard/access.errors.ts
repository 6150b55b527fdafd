import { ProblemError } from '@interscambio/http';
import type { Text } from '@interscambio/http';
import type { JwtError } from '../tokens/jwt.error';

const REALM = 'realm="interscambio"';

/** RFC 6750 §3 escapes nothing: keep the description to characters a quoted-string allows. */
const UNAUTHORIZED = { it: 'Non autorizzato', en: 'Unauthorized' };
const quoted = (text: string): string => `"${text.replace(/[\\"]/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`;

export class TokenMissingError extends ProblemError {
  constructor(detail: Text) {
    super('token-missing', 401, UNAUTHORIZED, detail, undefined, { 'www-authenticate': `Bearer ${REALM}` });
  }
}

/** A token that does not verify, with the verifier's precise reason as code and message. */
export class TokenRejectedError extends ProblemError {
  constructor(error: JwtError) {
    super(`token-${error.reason}`, 401, UNAUTHORIZED, error.message, undefined, {
      'www-authenticate': `Bearer ${REALM}, error="invalid_token", error_description=${quoted(error.message)}`,
    });
  }
}

export class KeysUnavailableError extends ProblemError {
  constructor(error: JwtError) {
    const title = { it: 'Servizio non disponibile', en: 'Service unavailable' };
    super('token-keys-unavailable', 503, title, error.message, undefined, { 'retry-after': '5' });
  }
}

export class InsufficientScopeError extends ProblemError {
  constructor(needed: readonly string[], granted: ReadonlySet<string>) {
    const has = [...granted].join(' ');
    super(
      'insufficient-scope',
      403,
      { it: 'Accesso negato', en: 'Forbidden' },
      {
        it: `Serve lo scope ${needed.join(' o ')}; il token ha ${has || 'nessuno scope'}.`,
        en: `This needs scope ${needed.join(' or ')}; the token has ${has || 'none'}.`,
      },
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
      { it: 'Troppe richieste', en: 'Too many requests' },
      {
        it: `Questo client può fare ${limit} richieste ogni ${windowSeconds} s; riprovare tra ${resetSeconds} s.`,
        en: `This client may make ${limit} requests every ${windowSeconds} s; try again in ${resetSeconds} s.`,
      },
      undefined,
      { 'retry-after': String(resetSeconds) },
    );
  }
}
