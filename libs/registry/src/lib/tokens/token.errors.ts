import { ProblemError, textIn } from '@interscambio/http';
import type { Text } from '@interscambio/http';

/** RFC 6749 §5.2 error codes (plus RFC 8707's invalid_target), what OAuth client libraries act on. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_target'
  | 'unauthorized_client'
  | 'temporarily_unavailable';

// Each refusal has its own code and says precisely what is wrong: an opaque "unable to generate a
// token" is what integrators of the national platform complain about most.
const OAUTH_ERRORS = {
  'unsupported-media-type': 'invalid_request',
  'repeated-parameter': 'invalid_request',
  'missing-grant-type': 'invalid_request',
  'unsupported-grant-type': 'unsupported_grant_type',
  'malformed-client-authentication': 'invalid_request',
  'missing-client-authentication': 'invalid_client',
  'multiple-client-authentication': 'invalid_request',
  'client-id-mismatch': 'invalid_request',
  'unknown-client': 'invalid_client',
  'client-revoked': 'invalid_client',
  'ente-disabled': 'unauthorized_client',
  'wrong-client-secret': 'invalid_client',
  'client-has-no-secret': 'invalid_client',
  'client-uses-client-secret': 'invalid_client',
  'unsupported-assertion-type': 'invalid_client',
  'assertion-malformed': 'invalid_client',
  'assertion-unknown-key': 'invalid_client',
  'assertion-algorithm-not-allowed': 'invalid_client',
  'assertion-bad-signature': 'invalid_client',
  'assertion-expired': 'invalid_client',
  'assertion-not-yet-valid': 'invalid_client',
  'assertion-issued-in-future': 'invalid_client',
  'assertion-lifetime-too-long': 'invalid_client',
  'assertion-wrong-audience': 'invalid_client',
  'assertion-wrong-issuer': 'invalid_client',
  'assertion-wrong-subject': 'invalid_client',
  'assertion-client-mismatch': 'invalid_client',
  'assertion-missing-claim': 'invalid_client',
  'assertion-reused': 'invalid_client',
  'missing-audience': 'invalid_request',
  'unknown-audience': 'invalid_target',
  'invalid-scope': 'invalid_scope',
  'rate-limited': 'temporarily_unavailable',
} as const satisfies Record<string, OAuthErrorCode>;

export type TokenErrorCode = keyof typeof OAUTH_ERRORS;

const TITLES: Record<OAuthErrorCode, Text> = {
  invalid_request: { it: 'Richiesta di token non valida', en: 'Invalid token request' },
  invalid_client: { it: 'Autenticazione del client non riuscita', en: 'Client authentication failed' },
  unsupported_grant_type: { it: 'Tipo di concessione non supportato', en: 'Unsupported grant type' },
  invalid_scope: { it: 'Ambito non valido', en: 'Invalid scope' },
  invalid_target: { it: 'Destinatario non valido', en: 'Invalid audience' },
  unauthorized_client: { it: 'Client non autorizzato', en: 'Client not authorized' },
  temporarily_unavailable: { it: 'Troppe richieste', en: 'Too many requests' },
};
const UNSUPPORTED_MEDIA_TYPE: Text = { it: 'Tipo di contenuto non supportato', en: 'Unsupported media type' };

const STATUS: Partial<Record<TokenErrorCode, number>> = { 'unsupported-media-type': 415, 'rate-limited': 429 };

/**
 * A refused token request: RFC 9457 problem+json that also carries RFC 6749 §5.2 `error` and
 * `error_description`. invalid_client is a 401 with a Basic challenge (§5.2), the rest 400.
 * Messages name what is wrong, never a secret or an assertion; `detail` follows Accept-Language.
 */
export class TokenRequestError extends ProblemError {
  declare readonly extensions: { error: OAuthErrorCode; error_description: string };

  constructor(code: TokenErrorCode, detail: Text, headers: Record<string, string> = {}) {
    const error = OAUTH_ERRORS[code];
    const status = STATUS[code] ?? (error === 'invalid_client' ? 401 : 400);
    super(
      code,
      status,
      code === 'unsupported-media-type' ? UNSUPPORTED_MEDIA_TYPE : TITLES[error],
      detail,
      undefined,
      {
        'cache-control': 'no-store',
        pragma: 'no-cache',
        ...(status === 401 ? { 'www-authenticate': 'Basic realm="interscambio"' } : {}),
        ...headers,
      },
      // error_description is for OAuth libraries and their logs: always the English sentence.
      { error, error_description: oauthText(textIn(detail, 'en')) },
    );
  }
}

/** RFC 6749 §5.2 allows only printable ASCII without `"` and `\` in error_description. */
function oauthText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/["\\]/g, "'")
    .replace(/[^\x20-\x7e]/g, '?');
}
