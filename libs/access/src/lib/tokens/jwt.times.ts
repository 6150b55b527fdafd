import type { JwtClaims } from './jwt';
import { JwtError } from './jwt.error';
import { isoTime } from './jwt.text';

export interface TimeCheckOptions {
  /** Seconds since 1970; the system clock when absent. */
  now?: number;
  /** Clock skew forgiven between the issuer and this server, in seconds. */
  toleranceSeconds: number;
  maxLifetimeSeconds?: number;
  requireIat?: boolean;
}

/** exp, nbf and iat as RFC 7519 §4.1 defines them, with `toleranceSeconds` of clock skew either way. */
export function checkTimes(claims: JwtClaims, options: TimeCheckOptions): void {
  const now = options.now ?? Date.now() / 1000;
  const tolerance = options.toleranceSeconds;
  const { exp, nbf, iat } = claims;
  if (exp === undefined)
    throw new JwtError('missing-claim', 'The token has no "exp" claim: every token must say when it expires.');
  if (now - tolerance >= exp)
    throw new JwtError('expired', `The token expired at ${isoTime(exp)}, ${seconds(now - exp)} s ago.`);
  if (nbf !== undefined && now + tolerance < nbf)
    throw new JwtError(
      'not-yet-valid',
      `The token is not valid before ${isoTime(nbf)}, ${seconds(nbf - now)} s from now.`,
    );
  if (iat === undefined && options.requireIat)
    throw new JwtError('missing-claim', 'The token has no "iat" claim: it must say when it was issued.');
  if (iat !== undefined && iat > now + tolerance)
    throw new JwtError(
      'issued-in-future',
      `The token says it was issued at ${isoTime(iat)}, ${seconds(iat - now)} s in the future.${skew(tolerance)}`,
    );
  const max = options.maxLifetimeSeconds;
  if (max === undefined) return;
  if (iat !== undefined && exp - iat > max)
    throw new JwtError(
      'lifetime-too-long',
      `The token lives ${seconds(exp - iat)} s from iat to exp; the limit is ${max} s.`,
    );
  if (iat === undefined && exp - now > max + tolerance)
    throw new JwtError(
      'lifetime-too-long',
      `The token expires in ${seconds(exp - now)} s; no token may live more than ${max} s.`,
    );
}

function seconds(value: number): number {
  return Math.max(0, Math.floor(value));
}

function skew(tolerance: number): string {
  return ` The issuer's clock or this server's is off by more than the ${tolerance} s tolerated.`;
}
