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
  if (iss === undefined) throw missing('iss', CLIENT_ID);
  if (sub === undefined) throw missing('sub', CLIENT_ID);
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
    throw new TokenRequestError('assertion-client-mismatch', {
      it: `client_id è "${clientIdParam}" ma l'iss dell'asserzione è "${short(iss)}": entrambi devono essere l'id del client.`,
      en: `client_id is "${clientIdParam}" but the assertion's iss is "${short(iss)}": both must be the client id.`,
    });
  if (iss === sub) return iss;
  if (clientIdParam === undefined && !(await known(iss)) && (await known(sub)))
    throw new TokenRequestError('assertion-wrong-issuer', {
      it: `L'iss dell'asserzione è "${short(iss)}"; deve essere l'id del client "${sub}", come il suo sub (RFC 7523 §3).`,
      en: `The assertion's iss is "${short(iss)}"; it must be the client id "${sub}", as its sub is (RFC 7523 §3).`,
    });
  throw new TokenRequestError('assertion-wrong-subject', {
    it: `Il sub dell'asserzione è "${short(sub)}"; deve essere l'id del client "${iss}", come il suo iss (RFC 7523 §3).`,
    en: `The assertion's sub is "${short(sub)}"; it must be the client id "${iss}", as its iss is (RFC 7523 §3).`,
  });
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
  if (aud === undefined)
    throw missing('aud', {
      it: `"${audience}" (il TOKEN_ISSUER di questo registro)`,
      en: `"${audience}" (this registry's TOKEN_ISSUER)`,
    });
  const audiences = typeof aud === 'string' ? [aud] : aud;
  if (!audiences.includes(audience))
    throw new TokenRequestError('assertion-wrong-audience', {
      it: `L'aud dell'asserzione è ${quoted(audiences)}; deve essere "${audience}" (il TOKEN_ISSUER di questo registro).`,
      en: `The assertion's aud is ${quoted(audiences)}; it must be "${audience}" (this registry's TOKEN_ISSUER).`,
    });
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
  if (jti === undefined || jti === '')
    throw missing('jti', { it: 'un valore usato una sola volta', en: 'a value used only once' });
  return { jti, expiresAt: (decoded.claims.exp as number) + TOLERANCE_SECONDS };
}

function keyOf(decoded: DecodedJwt, clientId: string, keys: readonly ClientKey[]): ClientKey {
  const kid = decoded.header.kid;
  const registered = keys.map((k) => `"${k.kid}"`).join(', ');
  if (kid === undefined) {
    if (keys.length === 1) return keys[0] as ClientKey;
    throw new TokenRequestError('assertion-unknown-key', {
      it: `L'intestazione dell'asserzione non indica un kid e il client "${clientId}" ${keys.length === 0 ? 'non ha chiavi registrate' : `ha più chiavi (${registered})`}: indicare in kid la chiave che l'ha firmata.`,
      en: `The assertion's header names no kid and client "${clientId}" has ${keys.length === 0 ? 'no registered keys' : `several keys (${registered})`}: set kid to the key that signed it.`,
    });
  }
  const key = keys.find((k) => k.kid === kid);
  if (key) return key;
  throw new TokenRequestError('assertion-unknown-key', {
    it: `L'asserzione è firmata con il kid "${short(kid)}", che il client "${clientId}" non ha registrato; ${keys.length > 0 ? `le sue chiavi sono ${registered}` : 'non ha chiavi registrate'}.`,
    en: `The assertion is signed with kid "${short(kid)}", which client "${clientId}" has not registered; ${keys.length > 0 ? `its keys are ${registered}` : 'it has no registered keys'}.`,
  });
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
  return new TokenRequestError(CODES[error.reason] ?? 'assertion-malformed', {
    it: ITALIAN_REFUSALS[error.reason] ?? "L'asserzione del client non è un JWT leggibile.",
    en: message,
  });
}

// The verifier's English sentences name the exact claim and times; the Italian says what is wrong.
const ITALIAN_REFUSALS: Partial<Record<JwtErrorReason, string>> = {
  'algorithm-not-allowed':
    "L'asserzione del client è firmata con un algoritmo non ammesso (ES256, EdDSA, RS256, PS256).",
  'bad-signature': "La firma dell'asserzione del client non è valida per la chiave registrata.",
  expired: "L'asserzione del client è scaduta.",
  'not-yet-valid': "L'asserzione del client non è ancora valida (nbf).",
  'issued-in-future': "L'asserzione del client è emessa nel futuro (iat).",
  'lifetime-too-long': "L'asserzione del client vale più di 10 minuti (da iat a exp).",
  'missing-claim': "All'asserzione del client manca un claim obbligatorio.",
};

const CLIENT_ID = { it: "l'id del client", en: 'the client id' };

function quoted(values: readonly string[]): string {
  return values.map((v) => `"${short(v)}"`).join(', ');
}

function missing(claim: string, expected: { it: string; en: string }): TokenRequestError {
  return new TokenRequestError('assertion-missing-claim', {
    it: `L'asserzione non ha il claim "${claim}"; deve essere ${expected.it}.`,
    en: `The assertion has no "${claim}" claim; it must be ${expected.en}.`,
  });
}

/** A value from an untrusted assertion, cut short for a message. */
function short(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
