import { RedactedSecret } from '../config/redacted-secret';
import { KeyCipher, KeyDecryptionError } from './key-cipher';

describe('signing keys encrypted at rest', () => {
  let cipher: KeyCipher;

  beforeAll(async () => {
    cipher = await KeyCipher.derive(new RedactedSecret('x'.repeat(32)));
  });

  it('round-trips, with a fresh iv each time and no plaintext in the stored form', () => {
    const a = cipher.encrypt('{"d":"private"}', 'kid-1');
    const b = cipher.encrypt('{"d":"private"}', 'kid-1');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('private');
    expect(cipher.decrypt(a, 'kid-1')).toBe('{"d":"private"}');
  });

  it('refuses a ciphertext under another kid, altered, or made with another secret', async () => {
    const stored = cipher.encrypt('secret key', 'kid-1');
    expect(() => cipher.decrypt(stored, 'kid-2')).toThrow(KeyDecryptionError);
    const parts = stored.split('.');
    const flipped = [parts[0], parts[1], parts[2], `${parts[3] === 'A' ? 'B' : 'A'}${parts[3]?.slice(1)}`].join('.');
    expect(() => cipher.decrypt(flipped, 'kid-1')).toThrow(KeyDecryptionError);
    const other = await KeyCipher.derive(new RedactedSecret('y'.repeat(32)));
    expect(() => other.decrypt(stored, 'kid-1')).toThrow(
      /REGISTRY_KEY_SECRET does not decrypt the stored signing key "kid-1"/,
    );
  });
});
