import type { JWSHeaderParameters, JWTPayload } from 'jose';
import { decodeBase64url } from './base64url';
import { JwtError } from './jwt.error';
import { checkRegisteredClaims } from './jwt.claims';

export type SigningAlgorithm = 'ES256' | 'EdDSA';
export type VerifyAlgorithm = 'ES256' | 'ES384' | 'EdDSA' | 'RS256' | 'PS256';

/** jose's types; decodeJwt checks that a token's header and claims have them. */
export type JwtHeader = JWSHeaderParameters & { alg: string };
export type JwtClaims = JWTPayload;

export interface DecodedJwt {
  header: JwtHeader;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

const MAX_TOKEN_LENGTH = 8192;

/** Splits a compact JWS and parses its parts; verifies nothing. Throws JwtError('malformed'). */
export function decodeJwt(token: string): DecodedJwt {
  if (typeof token !== 'string' || token.length === 0) throw malformed('The token is empty.');
  if (token.length > MAX_TOKEN_LENGTH)
    throw malformed(`The token is ${token.length} characters long; the limit is ${MAX_TOKEN_LENGTH}.`);
  if (/^bearer\s/i.test(token)) throw malformed('The token starts with "Bearer ": pass the token alone.');
  const parts = token.split('.');
  if (parts.length === 5)
    throw malformed('The token is an encrypted JWT (JWE, five parts): only signed JWTs are accepted.');
  if (parts.length !== 3)
    throw malformed(`The token has ${parts.length} part(s); a signed JWT has three: header.payload.signature.`);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseObject(headerPart, 'header');
  const claims = parseObject(payloadPart, 'payload');
  const signature = decodeBase64url(signaturePart);
  if (!signature) throw malformed("The token's signature is not base64url (RFC 4648 §5, without padding).");
  checkHeader(header);
  checkRegisteredClaims(claims);
  return { header, claims, signingInput: `${headerPart}.${payloadPart}`, signature };
}

function parseObject(part: string, name: 'header' | 'payload'): Record<string, unknown> & JwtHeader & JwtClaims {
  const bytes = decodeBase64url(part);
  if (!bytes || bytes.length === 0)
    throw malformed(`The token's ${name} is ${bytes ? 'empty' : 'not base64url (RFC 4648 §5, without padding)'}.`);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw malformed(`The token's ${name} is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed(`The token's ${name} is not a JSON object.`);
  return value as Record<string, unknown> & JwtHeader & JwtClaims;
}

function checkHeader(header: Record<string, unknown>): void {
  if (typeof header['alg'] !== 'string' || header['alg'] === '')
    throw malformed('The token\'s header has no "alg": it does not say how it was signed.');
  for (const member of ['typ', 'kid'] as const) {
    if (member in header && typeof header[member] !== 'string')
      throw malformed(`The token's header member "${member}" is not a string.`);
  }
  // RFC 7515 §4.1.11: a recipient that does not understand a critical extension must reject the JWS.
  if ('crit' in header)
    throw malformed('The token\'s header declares critical extensions ("crit"); none are supported.');
}

function malformed(message: string): JwtError {
  return new JwtError('malformed', message);
}
