import { ColumnCipher } from '@interscambio/persistence';
import type { RedactedSecret } from '../config/redacted-secret';

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

/** The private signing keys at rest, encrypted with a key derived from REGISTRY_KEY_SECRET; the kid is the authenticated data. */
export class KeyCipher {
  private constructor(private readonly cipher: ColumnCipher) {}

  static async derive(secret: RedactedSecret): Promise<KeyCipher> {
    return new KeyCipher(await ColumnCipher.derive(secret.reveal(), KEY_SALT));
  }

  encrypt(plaintext: string, kid: string): string {
    return this.cipher.encrypt(plaintext, kid);
  }

  decrypt(stored: string, kid: string): string {
    const key = this.cipher.decrypt(stored, kid);
    if (key === undefined) throw new KeyDecryptionError(kid);
    return key;
  }
}
