import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
// A fixed, versioned salt: the secret is the installation's own, the salt only separates this use of it.
const KEY_SALT = 'interscambio-notifier/signing-secret-encryption/v1';
// Secrets stored before they were encrypted (a Standard Webhooks secret is `whsec_…`).
const CLEAR = /^whsec_/;

export class SecretDecryptionError extends Error {
  constructor(subscriptionId: string) {
    super(
      `NOTIFIER_SECRET_KEY does not decrypt the signing secret of subscription ${subscriptionId}: the key differs from the one it was stored with.`,
    );
    this.name = 'SecretDecryptionError';
  }
}

/**
 * AES-256-GCM for the subscriptions' signing secrets at rest, with a key derived from
 * NOTIFIER_SECRET_KEY by scrypt: the registry's pattern for its signing keys (libs/registry
 * KeyCipher). The subscription id is authenticated data: a ciphertext copied to another
 * subscription does not decrypt. Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export class SecretCipher {
  private constructor(private readonly key: Buffer) {}

  static async derive(secret: string): Promise<SecretCipher> {
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(secret, KEY_SALT, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (e, k) =>
        e ? reject(e) : resolve(k),
      ),
    );
    return new SecretCipher(key);
  }

  encrypt(plaintext: string, subscriptionId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(subscriptionId));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The secret; one stored in clear before encryption came is returned as it is (boot encrypts those). */
  decrypt(stored: string, subscriptionId: string): string {
    if (CLEAR.test(stored)) return stored;
    const [version, iv, tag, data] = stored.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new SecretDecryptionError(subscriptionId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(subscriptionId))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(subscriptionId);
    }
  }

  static isClear(stored: string | null): boolean {
    return stored !== null && CLEAR.test(stored);
  }
}
