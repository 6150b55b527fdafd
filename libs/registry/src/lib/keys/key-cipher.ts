import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import type { RedactedSecret } from '../config/redacted-secret';

const VERSION = 'v1';
const IV_BYTES = 12;
// A fixed, versioned salt: the secret is the installation's own, the salt only separates this use of it.
const KEY_SALT = 'interscambio-registry/signing-key-encryption/v1';

export class KeyDecryptionError extends Error {
  constructor(kid: string) {
    super(
      `REGISTRY_KEY_SECRET does not decrypt the stored signing key "${kid}": the secret differs from the one the key was stored with.`,
    );
    this.name = 'KeyDecryptionError';
  }
}

/**
 * AES-256-GCM for the private signing keys at rest, with a key derived from REGISTRY_KEY_SECRET by
 * scrypt. The kid is authenticated data: a ciphertext moved to another row does not decrypt.
 * Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export class KeyCipher {
  private constructor(private readonly key: Buffer) {}

  static async derive(secret: RedactedSecret): Promise<KeyCipher> {
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(secret.reveal(), KEY_SALT, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (e, k) =>
        e ? reject(e) : resolve(k),
      ),
    );
    return new KeyCipher(key);
  }

  encrypt(plaintext: string, kid: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(kid));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string, kid: string): string {
    const [version, iv, tag, data] = stored.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new KeyDecryptionError(kid);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(kid))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new KeyDecryptionError(kid);
    }
  }
}
