import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * AES-256-GCM for a secret column at rest, with a key derived by scrypt from the installation's own
 * secret and a fixed, versioned salt that separates one use of that secret from another. The row's
 * identity is authenticated data: a ciphertext copied to another row does not decrypt. Stored as
 * `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export class ColumnCipher {
  private constructor(private readonly key: Buffer) {}

  static async derive(secret: string, salt: string): Promise<ColumnCipher> {
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(secret, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (e, k) =>
        e ? reject(e) : resolve(k),
      ),
    );
    return new ColumnCipher(key);
  }

  encrypt(plaintext: string, rowId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(rowId));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or undefined when the key, the row or the text is not the one it was stored with. */
  decrypt(stored: string, rowId: string): string | undefined {
    const [version, iv, tag, data] = stored.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(rowId))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
