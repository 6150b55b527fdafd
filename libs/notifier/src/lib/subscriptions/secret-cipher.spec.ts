import { SecretCipher, SecretDecryptionError } from './secret-cipher';

describe('the signing secrets at rest', () => {
  let cipher: SecretCipher;
  beforeAll(async () => {
    cipher = await SecretCipher.derive('a-test-key-of-at-least-32-characters-0123');
  });

  it('stores a secret encrypted, readable back only for its own subscription and key', async () => {
    const stored = cipher.encrypt('whsec_abc', 'sub-1');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('abc');
    expect(cipher.decrypt(stored, 'sub-1')).toBe('whsec_abc');
    expect(() => cipher.decrypt(stored, 'sub-2')).toThrow(SecretDecryptionError);
    const other = await SecretCipher.derive('another-key-of-at-least-32-characters-456');
    expect(() => other.decrypt(stored, 'sub-1')).toThrow(SecretDecryptionError);
  });

  it('reads a secret stored in clear before encryption came, so boot can encrypt it', () => {
    expect(SecretCipher.isClear('whsec_old')).toBe(true);
    expect(cipher.decrypt('whsec_old', 'sub-1')).toBe('whsec_old');
  });
});
