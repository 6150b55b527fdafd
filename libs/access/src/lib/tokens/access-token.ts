import { isIstatCode } from '@interscambio/enti';
import type { JwtClaims } from './jwt';
import { JwtError } from './jwt.error';
import { quote } from './jwt.text';

/** What a theme service knows about the caller once its access token is verified. */
export interface AccessToken {
  clientId: string;
  ente: string;
  scopes: ReadonlySet<string>;
  audience: readonly string[];
  issuedAt: Date;
  expiresAt: Date;
  jti: string;
  rateLimit?: number;
}

/** The RFC 9068 claims plus ours (ente, rate_limit); iss, aud and times are checked before this. */
export function readAccessToken(claims: JwtClaims): AccessToken {
  const clientId = requiredString(claims, 'client_id');
  if (claims.sub !== clientId) {
    const sub = claims.sub === undefined ? 'no "sub"' : `"sub" ${quote(claims.sub)}`;
    throw new JwtError(
      'malformed',
      `The token has ${sub} but client_id ${quote(clientId)}: in a client-credentials token both name the client (RFC 9068 §2.2).`,
    );
  }
  const ente = requiredString(claims, 'ente');
  if (!isIstatCode(ente))
    throw new JwtError('malformed', `The token's "ente" ${quote(ente)} is not an ISTAT code of six digits.`);
  const scope = requiredString(claims, 'scope', true);
  const jti = requiredString(claims, 'jti');
  const rateLimit = claims['rate_limit'];
  if (rateLimit !== undefined && !(Number.isSafeInteger(rateLimit) && (rateLimit as number) > 0))
    throw new JwtError(
      'malformed',
      `The token's "rate_limit" ${quote(rateLimit)} is not a positive whole number of requests per minute.`,
    );
  const token: AccessToken = {
    clientId,
    ente,
    scopes: new Set(scope.split(' ').filter((name) => name !== '')),
    audience: typeof claims.aud === 'string' ? [claims.aud] : [...(claims.aud ?? [])],
    issuedAt: new Date((claims.iat ?? 0) * 1000),
    expiresAt: new Date((claims.exp ?? 0) * 1000),
    jti,
  };
  return rateLimit === undefined ? token : { ...token, rateLimit: rateLimit as number };
}

function requiredString(claims: JwtClaims, name: string, mayBeEmpty = false): string {
  const value = claims[name];
  if (value === undefined) throw new JwtError('missing-claim', `The token has no "${name}" claim.`);
  if (typeof value !== 'string') throw new JwtError('malformed', `The token's "${name}" claim is not a string.`);
  if (value === '' && !mayBeEmpty) throw new JwtError('malformed', `The token's "${name}" claim is empty.`);
  return value;
}
