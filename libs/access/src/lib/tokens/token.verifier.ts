import { type AccessToken, readAccessToken } from './access-token';
import type { KeySource } from './key-source';
import { decodeJwt, type JwtClaims, type JwtHeader, type VerifyAlgorithm } from './jwt';
import { allowedAlgorithm } from './jwt.algorithms';
import { JwtError } from './jwt.error';
import { verifySignature } from './jwt.signature';
import { quote } from './jwt.text';
import { checkTimes } from './jwt.times';
import { VerifiedTokenCache } from './verified-token.cache';

export interface TokenVerifierOptions {
  keys: KeySource;
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
  maxLifetimeSeconds?: number;
  cacheSize?: number;
  /** Milliseconds since 1970; the system clock when absent. For tests. */
  now?: () => number;
}

const ALGORITHMS: readonly VerifyAlgorithm[] = ['ES256', 'EdDSA'];
const ACCESS_TOKEN_TYPE = /^(application\/)?at\+jwt$/i;

/** Verifies the registry's access tokens (RFC 9068) offline, against keys from its JWKS. */
export class TokenVerifier {
  private readonly cache: VerifiedTokenCache;

  constructor(private readonly options: TokenVerifierOptions) {
    this.cache = new VerifiedTokenCache(options.cacheSize ?? 10_000);
  }

  async verify(token: string): Promise<AccessToken> {
    const decoded = decodeJwt(token);
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const cached = this.cache.get(signature, decoded.signingInput);
    if (cached) {
      this.checkTimes(cached.claims, () => this.cache.delete(signature));
      return cached.token;
    }
    checkType(decoded.header);
    allowedAlgorithm(decoded.header, ALGORITHMS);
    const kid = decoded.header.kid;
    if (!kid)
      throw new JwtError(
        'malformed',
        'The token has no "kid" header: it does not say which of the issuer\'s keys signed it.',
      );
    const key = await this.options.keys.key(kid);
    if (!key)
      throw new JwtError(
        'unknown-key',
        `No key ${quote(kid)} in the issuer's JWKS: the token was signed with a key the issuer does not publish.`,
      );
    verifySignature(decoded, key, ALGORITHMS);
    this.checkIssuer(decoded.claims);
    this.checkAudience(decoded.claims);
    this.checkTimes(decoded.claims);
    const accessToken = readAccessToken(decoded.claims);
    this.cache.set(signature, { signingInput: decoded.signingInput, claims: decoded.claims, token: accessToken });
    return accessToken;
  }

  private checkIssuer({ iss }: JwtClaims): void {
    if (iss === undefined)
      throw new JwtError('missing-claim', 'The token has no "iss" claim: it does not say who issued it.');
    if (iss !== this.options.issuer)
      throw new JwtError('wrong-issuer', `The token was issued by ${quote(iss)}, not ${quote(this.options.issuer)}.`);
  }

  private checkAudience({ aud }: JwtClaims): void {
    if (aud === undefined)
      throw new JwtError('missing-claim', 'The token has no "aud" claim: it does not say which service it is for.');
    const audiences = typeof aud === 'string' ? [aud] : aud;
    if (audiences.includes(this.options.audience)) return;
    const named =
      audiences.length === 1 ? `audience ${quote(audiences[0])}` : `audiences ${audiences.map(quote).join(', ')}`;
    throw new JwtError('wrong-audience', `The token is for ${named}, not ${quote(this.options.audience)}.`);
  }

  private checkTimes(claims: JwtClaims, onFailure?: () => void): void {
    try {
      checkTimes(claims, {
        now: (this.options.now?.() ?? Date.now()) / 1000,
        toleranceSeconds: this.options.clockToleranceSeconds ?? 30,
        maxLifetimeSeconds: this.options.maxLifetimeSeconds ?? 600,
        requireIat: true,
      });
    } catch (error) {
      onFailure?.();
      throw error;
    }
  }
}

function checkType({ typ }: JwtHeader): void {
  if (typ === undefined)
    throw new JwtError(
      'wrong-type',
      'The token has no "typ" header; an access token has typ "at+jwt" (RFC 9068 §2.1).',
    );
  if (!ACCESS_TOKEN_TYPE.test(typ))
    throw new JwtError(
      'wrong-type',
      `The token's typ is ${quote(typ)}, not "at+jwt": it is not an access token (RFC 9068 §2.1).`,
    );
}
