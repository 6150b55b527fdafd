import { ProblemError } from '@interscambio/http';
import type { Text } from '@interscambio/http';
import type { JwtError, JwtErrorReason } from '../tokens/jwt.error';

const REALM = 'realm="interscambio"';

/** RFC 6750 §3 escapes nothing: keep the description to characters a quoted-string allows. */
const UNAUTHORIZED = { it: 'Non autorizzato', en: 'Unauthorized' };
const quoted = (text: string): string => `"${text.replace(/[\\"]/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`;

export class TokenMissingError extends ProblemError {
  constructor(detail: Text) {
    super('token-missing', 401, UNAUTHORIZED, detail, undefined, { 'www-authenticate': `Bearer ${REALM}` });
  }
}

// The verifier's English sentence names the exact claim, key or time; the Italian says what is wrong.
const REJECTED_IN_ITALIAN: Record<JwtErrorReason, string> = {
  malformed: 'Il token non è un JWT leggibile (tre parti base64url: intestazione, claim, firma).',
  'wrong-type': "Il token non è un access token: l'intestazione typ deve essere at+jwt (RFC 9068).",
  'algorithm-not-allowed': 'Il token è firmato con un algoritmo non ammesso.',
  'unknown-key': 'Il token è firmato con una chiave (kid) che il registro non pubblica.',
  'bad-signature': 'La firma del token non è valida.',
  'wrong-issuer': 'Il token non è emesso dal registro di questa piattaforma (iss).',
  'wrong-audience': 'Il token non è destinato a questo servizio (aud).',
  expired: 'Il token è scaduto: chiederne uno nuovo al registro.',
  'not-yet-valid': 'Il token non è ancora valido (nbf).',
  'issued-in-future': 'Il token risulta emesso nel futuro (iat).',
  'lifetime-too-long': 'Il token ha una durata più lunga di quella ammessa.',
  'missing-claim': 'Al token manca un claim obbligatorio.',
  'keys-unavailable': 'Le chiavi del registro non sono raggiungibili: impossibile verificare il token ora.',
  revoked:
    "Il client o il suo ente sono stati revocati, o una sua chiave rimossa, dopo l'emissione: il token non è più accettato.",
};

/** A token that does not verify, with the verifier's precise reason as code and message. */
export class TokenRejectedError extends ProblemError {
  constructor(error: JwtError) {
    const detail = { it: REJECTED_IN_ITALIAN[error.reason], en: error.message };
    super(`token-${error.reason}`, 401, UNAUTHORIZED, detail, undefined, {
      'www-authenticate': `Bearer ${REALM}, error="invalid_token", error_description=${quoted(error.message)}`,
    });
  }
}

export class KeysUnavailableError extends ProblemError {
  constructor(error: JwtError) {
    const title = { it: 'Servizio non disponibile', en: 'Service unavailable' };
    const detail = { it: REJECTED_IN_ITALIAN['keys-unavailable'], en: error.message };
    super('token-keys-unavailable', 503, title, detail, undefined, { 'retry-after': '5' });
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
