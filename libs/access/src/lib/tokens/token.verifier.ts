import { errors } from 'jose';
import { type AccessToken, readAccessToken } from './access-token';
import type { KeySource } from './key-source';
import { type DecodedJwt, decodeJwt, type JwtClaims, type JwtHeader, type VerifyAlgorithm } from './jwt';
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
const ACCESS_TOKEN_TYPE = 'at+jwt';

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
    // Refused before the key lookup, so forged headers cost nothing.
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
    const nowMs = this.options.now?.() ?? Date.now();
    try {
      // No requiredClaims nor maxTokenAge: issuer and audience require theirs; checkTimes below does the rest.
      await verifySignature(decoded, key, ALGORITHMS, {
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.tolerance(),
        currentDate: new Date(nowMs),
      });
    } catch (error) {
      throw this.refusal(error, decoded);
    }
    // jose checks exp and nbf; a missing exp or iat, an iat ahead and exp − iat are checked here.
    this.checkTimes(decoded.claims);
    const accessToken = readAccessToken(decoded.claims);
    this.cache.set(signature, { signingInput: decoded.signingInput, claims: decoded.claims, token: accessToken });
    return accessToken;
  }

  /** jose's claim errors name the claim; the sentence says what was wrong with it, as before jose. */
  private refusal(error: unknown, { header, claims }: DecodedJwt): unknown {
    if (!(error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired)) return error;
    if (error.claim === 'typ') return typeRefusal(header);
    if (error.claim === 'iss') return this.issuerRefusal(claims);
    if (error.claim === 'aud') return this.audienceRefusal(claims);
    try {
      this.checkTimes(claims);
    } catch (refusal) {
      return refusal;
    }
    return new JwtError('malformed', `The token's claim "${error.claim}" is refused: ${error.message}.`);
  }

  private issuerRefusal({ iss }: JwtClaims): JwtError {
    if (iss === undefined)
      return new JwtError('missing-claim', 'The token has no "iss" claim: it does not say who issued it.');
    return new JwtError('wrong-issuer', `The token was issued by ${quote(iss)}, not ${quote(this.options.issuer)}.`);
  }

  private audienceRefusal({ aud }: JwtClaims): JwtError {
    if (aud === undefined)
      return new JwtError('missing-claim', 'The token has no "aud" claim: it does not say which service it is for.');
    const audiences = typeof aud === 'string' ? [aud] : aud;
    const named =
      audiences.length === 1 ? `audience ${quote(audiences[0])}` : `audiences ${audiences.map(quote).join(', ')}`;
    return new JwtError('wrong-audience', `The token is for ${named}, not ${quote(this.options.audience)}.`);
  }

  private checkTimes(claims: JwtClaims, onFailure?: () => void): void {
    try {
      checkTimes(claims, {
        now: (this.options.now?.() ?? Date.now()) / 1000,
        toleranceSeconds: this.tolerance(),
        maxLifetimeSeconds: this.maxLifetime(),
        requireIat: true,
      });
    } catch (error) {
      onFailure?.();
      throw error;
    }
  }

  private tolerance(): number {
    return this.options.clockToleranceSeconds ?? 30;
  }

  private maxLifetime(): number {
    return this.options.maxLifetimeSeconds ?? 600;
  }
}

function typeRefusal({ typ }: JwtHeader): JwtError {
  if (typ === undefined)
    return new JwtError(
      'wrong-type',
      'The token has no "typ" header; an access token has typ "at+jwt" (RFC 9068 §2.1).',
    );
  return new JwtError(
    'wrong-type',
    `The token's typ is ${quote(typ)}, not "at+jwt": it is not an access token (RFC 9068 §2.1).`,
  );
}
