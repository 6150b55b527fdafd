import { createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import type { SigningKey } from '@interscambio/access';
import { calculateJwkThumbprint, type JWK } from 'jose';

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): how Node imports a key from its seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The Ed25519 key that signs `theme`'s receipts, derived from `secret` (HKDF-SHA-256): replicas
 * share it without storing a private key anywhere, and rotating means a new secret. Ed25519 because
 * its signatures are deterministic and cheap (a batch of 500 records signs 500 receipts).
 */
export async function receiptKey(secret: string, theme: string): Promise<SigningKey> {
  const seed = Buffer.from(hkdfSync('sha256', secret, 'interscambio-receipt', theme, 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const kid = await calculateJwkThumbprint(publicKey.export({ format: 'jwk' }) as JWK, 'sha256');
  return { kid, alg: 'EdDSA', privateKey, publicKey };
}
