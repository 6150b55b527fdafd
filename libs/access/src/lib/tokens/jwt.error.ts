export type JwtErrorReason =
  | 'malformed'
  | 'wrong-type'
  | 'algorithm-not-allowed'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'lifetime-too-long'
  | 'missing-claim'
  | 'keys-unavailable'
  | 'revoked';

/**
 * A token, client assertion or key that cannot be trusted. `reason` is the stable code; the message
 * is a sentence the developer on the other side can act on. It never contains the token or a secret.
 */
export class JwtError extends Error {
  constructor(
    readonly reason: JwtErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'JwtError';
  }
}
