import { ColumnCipher } from '@interscambio/persistence';

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
 * The subscriptions' signing secrets at rest, encrypted with a key derived from NOTIFIER_SECRET_KEY,
 * as the registry stores its signing keys. The subscription id is the authenticated data.
 */
export class SecretCipher {
  private constructor(private readonly cipher: ColumnCipher) {}

  static async derive(secret: string): Promise<SecretCipher> {
    return new SecretCipher(await ColumnCipher.derive(secret, KEY_SALT));
  }

  encrypt(plaintext: string, subscriptionId: string): string {
    return this.cipher.encrypt(plaintext, subscriptionId);
  }

  /** The secret; one stored in clear before encryption came is returned as it is (boot encrypts those). */
  decrypt(stored: string, subscriptionId: string): string {
    if (CLEAR.test(stored)) return stored;
    const secret = this.cipher.decrypt(stored, subscriptionId);
    if (secret === undefined) throw new SecretDecryptionError(subscriptionId);
    return secret;
  }

  static isClear(stored: string | null): boolean {
    return stored !== null && CLEAR.test(stored);
  }
}
