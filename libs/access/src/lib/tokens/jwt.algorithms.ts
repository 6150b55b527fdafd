import type { KeyObject } from 'node:crypto';
import { JwtError } from './jwt.error';
import type { JwtHeader, VerifyAlgorithm } from './jwt';
import { listOf, quote } from './jwt.text';

interface Algorithm {
  keyType: 'ec' | 'ed25519' | 'rsa';
  curve?: 'prime256v1' | 'secp384r1';
}

// Which key verifies which alg, so a mismatch is named before jose is asked (it would only say "invalid key").
export const ALGORITHMS: Readonly<Record<VerifyAlgorithm, Algorithm>> = {
  ES256: { keyType: 'ec', curve: 'prime256v1' },
  ES384: { keyType: 'ec', curve: 'secp384r1' },
  EdDSA: { keyType: 'ed25519' },
  RS256: { keyType: 'rsa' },
  PS256: { keyType: 'rsa' },
};

/** The exact length of a JOSE signature, where the algorithm fixes it. */
export const SIGNATURE_BYTES: Readonly<Partial<Record<VerifyAlgorithm, number>>> = { ES256: 64, ES384: 96, EdDSA: 64 };

export const MIN_RSA_BITS = 2048;

/** The header's alg is one the caller accepts; `none`, HS256 and unknown names never are. */
export function allowedAlgorithm(header: JwtHeader, allowed: readonly VerifyAlgorithm[]): VerifyAlgorithm {
  const alg = header.alg;
  if (!(allowed as readonly string[]).includes(alg) || !Object.hasOwn(ALGORITHMS, alg))
    throw new JwtError(
      'algorithm-not-allowed',
      `The token's alg is ${quote(alg)}: only ${listOf(allowed)} ${allowed.length === 1 ? 'is' : 'are'} accepted.`,
    );
  return alg as VerifyAlgorithm;
}

/** The algorithms a key can verify: an EC P-256 key verifies ES256 and nothing else. */
export function algorithmsOf(key: KeyObject): VerifyAlgorithm[] {
  return (Object.keys(ALGORITHMS) as VerifyAlgorithm[]).filter((alg) => fits(ALGORITHMS[alg], key));
}

function fits(algorithm: Algorithm, key: KeyObject): boolean {
  if (key.type !== 'public' || key.asymmetricKeyType !== algorithm.keyType) return false;
  if (algorithm.keyType === 'rsa') return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS;
  return algorithm.curve === undefined || key.asymmetricKeyDetails?.namedCurve === algorithm.curve;
}

const CURVE_NAMES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384' };

export function describeKey(key: KeyObject): string {
  if (key.type !== 'public') return `a ${key.type} key (only public keys verify)`;
  const details = key.asymmetricKeyDetails;
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = details?.namedCurve ?? 'unknown';
      return `an EC ${CURVE_NAMES[curve] ?? curve} key`;
    }
    case 'rsa':
      return `an RSA ${details?.modulusLength ?? 0}-bit key`;
    case 'ed25519':
      return 'an Ed25519 key';
    default:
      return `a ${key.asymmetricKeyType ?? 'unknown'} key`;
  }
}
