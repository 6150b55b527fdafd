import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { decodeBase64url } from './base64url';
import type { VerifyAlgorithm } from './jwt';
import { ALGORITHMS, algorithmsOf, describeKey, MIN_RSA_BITS } from './jwt.algorithms';
import { JwtError } from './jwt.error';
import { messageOf, quote } from './jwt.text';

export interface Jwk {
  kty: string;
  kid?: string;
  use?: string;
  alg?: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  [member: string]: unknown;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const COORDINATE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, Ed25519: 32 };
// The base64url members of each kind of public key (RFC 7518 §6, RFC 8037 §2).
const KEY_MEMBERS: Record<string, readonly string[]> = { EC: ['x', 'y'], OKP: ['x'], RSA: ['e', 'n'] };

/** The public half of `key` as a JWK for a JWKS; a private key gives its public half. */
export function publicJwk(key: KeyObject, meta: { kid: string; alg: string }): Jwk {
  if (key.type === 'secret') throw new JwtError('malformed', 'A shared secret has no public JWK.');
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return { ...(publicKey.export({ format: 'jwk' }) as Jwk), kid: meta.kid, use: 'sig', alg: meta.alg };
}

/** A public signature key from a JWKS entry; anything else (private, secret, weak, odd) is refused. */
export function importPublicJwk(jwk: unknown): KeyObject {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))
    throw new JwtError('malformed', 'The JWK is not a JSON object.');
  const entry = jwk as Record<string, unknown>;
  const label = typeof entry['kid'] === 'string' ? `The JWK ${quote(entry['kid'])}` : 'The JWK';
  const refuse = (problem: string): JwtError => new JwtError('malformed', `${label} ${problem}.`);
  const kty = entry['kty'];
  if (kty === 'oct') throw refuse('is a shared secret (kty "oct"); only public keys are accepted');
  const secret = PRIVATE_MEMBERS.find((member) => member in entry);
  if (secret) throw refuse(`carries the private member "${secret}": publish only the public key`);
  if ('use' in entry && entry['use'] !== 'sig') throw refuse(`is for use ${quote(entry['use'])}, not "sig"`);
  const ops = entry['key_ops'];
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify')))
    throw refuse('has key_ops without "verify"');
  const key = createKey(entry, refuse);
  checkDeclaredAlg(entry['alg'], key, refuse);
  return key;
}

function createKey(entry: Record<string, unknown>, refuse: (problem: string) => JwtError): KeyObject {
  const kty = entry['kty'];
  const members = typeof kty === 'string' ? KEY_MEMBERS[kty] : undefined;
  if (!members) throw refuse(`has kty ${quote(kty)}; only EC, OKP and RSA keys are accepted`);
  const crv = entry['crv'];
  if (kty === 'EC' && crv !== 'P-256' && crv !== 'P-384')
    throw refuse(`has curve ${quote(crv)}; only P-256 and P-384 are accepted`);
  if (kty === 'OKP' && crv !== 'Ed25519') throw refuse(`has curve ${quote(crv)}; only Ed25519 is accepted`);
  const material: Record<string, unknown> = { kty, crv };
  for (const member of members) {
    const value = entry[member];
    if (typeof value !== 'string') throw refuse(`has no "${member}"`);
    const bytes = decodeBase64url(value);
    if (!bytes) throw refuse(`has a "${member}" that is not base64url`);
    const expected = COORDINATE_BYTES[crv as string];
    if ((member === 'x' || member === 'y') && expected !== undefined && bytes.length !== expected)
      throw refuse(`has a "${member}" of ${bytes.length} bytes; a ${String(crv)} key has ${expected}`);
    material[member] = value;
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: material as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw refuse(`is not a valid ${kty} public key (${messageOf(error)})`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (kty === 'RSA' && (bits ?? 0) < MIN_RSA_BITS)
    throw refuse(`is an RSA key of ${bits ?? 0} bits; at least ${MIN_RSA_BITS} are required`);
  return key;
}

function checkDeclaredAlg(alg: unknown, key: KeyObject, refuse: (problem: string) => JwtError): void {
  if (alg === undefined) return;
  if (typeof alg !== 'string' || !Object.hasOwn(ALGORITHMS, alg))
    throw refuse(`declares alg ${quote(alg)}, which is not accepted`);
  if (!algorithmsOf(key).includes(alg as VerifyAlgorithm))
    throw refuse(`declares alg ${quote(alg)} but is ${describeKey(key)}`);
}
