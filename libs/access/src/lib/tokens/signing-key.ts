import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { Jwk } from './jwk';
import type { SigningAlgorithm } from './jwt';
import { algorithmsOf } from './jwt.algorithms';
import { JwtError } from './jwt.error';
import { messageOf, quote } from './jwt.text';

export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A fresh key pair whose kid is the RFC 7638 thumbprint of its public JWK (jose's). */
export async function generateSigningKey(alg: SigningAlgorithm = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } =
    alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const kid = await calculateJwkThumbprint(publicKey.export({ format: 'jwk' }));
  return { kid, alg, privateKey, publicKey };
}

/** The private JWK, for storage encrypted at rest; it must never be published. */
export function exportPrivateJwk(key: SigningKey): Jwk {
  return { ...(key.privateKey.export({ format: 'jwk' }) as Jwk), kid: key.kid, alg: key.alg, use: 'sig' };
}

export function importSigningKey(privateJwk: Jwk, kid: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new JwtError('malformed', `The private JWK ${quote(kid)} is not a valid private key (${messageOf(error)}).`);
  }
  const publicKey = createPublicKey(privateKey);
  const alg = signingAlgorithmOf(publicKey);
  if (!alg)
    throw new JwtError(
      'malformed',
      `The private JWK ${quote(kid)} is not an EC P-256 or Ed25519 key: it cannot sign tokens.`,
    );
  if (privateJwk.alg !== undefined && privateJwk.alg !== alg)
    throw new JwtError(
      'malformed',
      `The private JWK ${quote(kid)} declares alg ${quote(privateJwk.alg)} but is an ${alg} key.`,
    );
  return { kid, alg, privateKey, publicKey };
}

function signingAlgorithmOf(publicKey: KeyObject): SigningAlgorithm | undefined {
  const algorithms = algorithmsOf(publicKey);
  return algorithms.includes('ES256') ? 'ES256' : algorithms.includes('EdDSA') ? 'EdDSA' : undefined;
}
