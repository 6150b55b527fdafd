import { JwtError } from './jwt.error';

// Year 9999: a later NumericDate cannot be shown as a date and is a mistake, not a long-lived token.
const MAX_NUMERIC_DATE = 253_402_300_799;

/** The registered claims (RFC 7519 §4.1) have the types the RFC gives them, or the token is malformed. */
export function checkRegisteredClaims(claims: Record<string, unknown>): void {
  for (const name of ['iss', 'sub', 'jti']) {
    if (name in claims && typeof claims[name] !== 'string')
      throw new JwtError('malformed', `The token's claim "${name}" is not a string.`);
  }
  if ('aud' in claims && !isAudience(claims['aud']))
    throw new JwtError('malformed', 'The token\'s claim "aud" is neither a string nor a non-empty array of strings.');
  for (const name of ['exp', 'nbf', 'iat']) {
    if (name in claims && !isNumericDate(claims[name]))
      throw new JwtError(
        'malformed',
        `The token's claim "${name}" is not a NumericDate (seconds since 1970 as a number).`,
      );
  }
}

function isAudience(value: unknown): boolean {
  if (typeof value === 'string') return true;
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}

function isNumericDate(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_NUMERIC_DATE;
}
