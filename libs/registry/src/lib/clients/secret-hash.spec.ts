import { hashSecret, newClientSecret, verifySecret } from './secret-hash';

describe('client secrets', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const a = newClientSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newClientSecret()).not.toBe(a);
  });

  it('are stored as a self-describing scrypt hash that verifies only the same secret', async () => {
    const secret = newClientSecret();
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(secret);
    expect(await verifySecret(secret, stored)).toBe(true);
    expect(await verifySecret(`${secret}x`, stored)).toBe(false);
  });

  it('salts every hash, so one secret hashed twice gives two different values', async () => {
    const secret = newClientSecret();
    expect(await hashSecret(secret)).not.toBe(await hashSecret(secret));
  });

  it('never matches a stored value that is not a hash of this format', async () => {
    expect(await verifySecret('s', 's')).toBe(false);
    expect(
      await verifySecret('s', 'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ).toBe(false);
  });
});
