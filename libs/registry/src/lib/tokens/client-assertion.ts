import { checkTimes, decodeJwt, importPublicJwk, JwtError, verifySignature } from '@interscambio/access';
import type { DecodedJwt, JwtErrorReason, VerifyAlgorithm } from '@interscambio/access';
import type { ClientKey } from '../clients/client-key.entity';
import { TokenRequestError } from './token.errors';
import type { TokenErrorCode } from './token.errors';

const ALGORITHMS: readonly VerifyAlgorithm[] = ['ES256', 'EdDSA', 'RS256', 'PS256'];
const TOLERANCE_SECONDS = 30;
const MAX_LIFETIME_SECONDS = 600;

export interface AssertionClaims {
  decoded: DecodedJwt;
  iss: string;
  sub: string;
}

export interface VerifiedAssertion {
  jti: string;
  /** Seconds since 1970: the jti is remembered until then (plus the clock tolerance). */
  expiresAt: number;
}

/** Parses the assertion without trusting it yet: it must name its client in iss and sub (RFC 7523 §3). */
export function readAssertion(assertion: string): AssertionClaims {
  let decoded: DecodedJwt;
  try {
    decoded = decodeJwt(assertion);
  } catch (error) {
    throw refusal(error);
  }
  const { iss, sub } = decoded.claims;
  if (iss === undefined) throw missing('iss', 'the client id');
  if (sub === undefined) throw missing('sub', 'the client id');
  return { decoded, iss, sub };
}

/**
 * Which client the assertion authenticates: client_id when the body has it, else iss; `known`
 * says whether an id is a registered client, to tell a wrong iss from a wrong sub.
 */
export async function assertedClientId(
  claims: AssertionClaims,
  clientIdParam: string | undefined,
  known: (id: string) => Promise<boolean>,
): Promise<string> {
  const { iss, sub } = claims;
  if (clientIdParam !== undefined && clientIdParam !== iss)
    throw new TokenRequestError(
      'assertion-client-mismatch',
      `client_id is "${clientIdParam}" but the assertion's iss is "${short(iss)}": both must be the client id.`,
    );
  if (iss === sub) return iss;
  if (clientIdParam === undefined && !(await known(iss)) && (await known(sub)))
    throw new TokenRequestError(
      'assertion-wrong-issuer',
      `The assertion's iss is "${short(iss)}"; it must be the client id "${sub}", as its sub is (RFC 7523 §3).`,
    );
  throw new TokenRequestError(
    'assertion-wrong-subject',
    `The assertion's sub is "${short(sub)}"; it must be the client id "${iss}", as its iss is (RFC 7523 §3).`,
  );
}

/** Signature by one of the client's keys, audience, times and jti, in that order. */
export async function verifyAssertion(
  claims: AssertionClaims,
  clientId: string,
  keys: readonly ClientKey[],
  audience: string,
  nowSeconds: number,
): Promise<VerifiedAssertion> {
  const { decoded } = claims;
  const key = keyOf(decoded, clientId, keys);
  try {
    await verifySignature(decoded, importPublicJwk(key.jwk), ALGORITHMS);
  } catch (error) {
    throw refusal(error);
  }
  const aud = decoded.claims.aud;
  if (aud === undefined) throw missing('aud', `"${audience}" (this registry's TOKEN_ISSUER)`);
  const audiences = typeof aud === 'string' ? [aud] : aud;
  if (!audiences.includes(audience))
    throw new TokenRequestError(
      'assertion-wrong-audience',
      `The assertion's aud is ${audiences.map((a) => `"${short(a)}"`).join(', ')}; it must be "${audience}" (this registry's TOKEN_ISSUER).`,
    );
  try {
    checkTimes(decoded.claims, {
      now: nowSeconds,
      toleranceSeconds: TOLERANCE_SECONDS,
      maxLifetimeSeconds: MAX_LIFETIME_SECONDS,
    });
  } catch (error) {
    throw refusal(error);
  }
  const jti = decoded.claims.jti;
  if (jti === undefined || jti === '') throw missing('jti', 'a value used only once');
  return { jti, expiresAt: (decoded.claims.exp as number) + TOLERANCE_SECONDS };
}

function keyOf(decoded: DecodedJwt, clientId: string, keys: readonly ClientKey[]): ClientKey {
  const kid = decoded.header.kid;
  const registered = keys.length > 0 ? keys.map((k) => `"${k.kid}"`).join(', ') : 'none';
  if (kid === undefined) {
    if (keys.length === 1) return keys[0] as ClientKey;
    throw new TokenRequestError(
      'assertion-unknown-key',
      `The assertion's header names no kid and client "${clientId}" has ${keys.length === 0 ? 'no registered keys' : `several keys (${registered})`}: set kid to the key that signed it.`,
    );
  }
  const key = keys.find((k) => k.kid === kid);
  if (key) return key;
  throw new TokenRequestError(
    'assertion-unknown-key',
    `The assertion is signed with kid "${short(kid)}", which client "${clientId}" has not registered; its keys are ${registered}.`,
  );
}

const CODES: Partial<Record<JwtErrorReason, TokenErrorCode>> = {
  'algorithm-not-allowed': 'assertion-algorithm-not-allowed',
  'bad-signature': 'assertion-bad-signature',
  expired: 'assertion-expired',
  'not-yet-valid': 'assertion-not-yet-valid',
  'issued-in-future': 'assertion-issued-in-future',
  'lifetime-too-long': 'assertion-lifetime-too-long',
  'missing-claim': 'assertion-missing-claim',
};

function refusal(error: unknown): unknown {
  if (!(error instanceof JwtError)) return error;
  const message = error.message
    .replace(/\bThe token\b/g, 'The client assertion')
    .replace(/\bthe token\b/g, 'the client assertion');
  return new TokenRequestError(CODES[error.reason] ?? 'assertion-malformed', message);
}

function missing(claim: string, expected: string): TokenRequestError {
  return new TokenRequestError(
    'assertion-missing-claim',
    `The assertion has no "${claim}" claim; it must be ${expected}.`,
  );
}

/** A value from an untrusted assertion, cut short for a message. */
function short(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
