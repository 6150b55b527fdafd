import { hashPassword, verifyPassword } from './operator-password';

describe('operator passwords', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', stored)).resolves.toBe(false);
  });

  it('salts every hash, so two operators with one password do not share a hash', async () => {
    expect(await hashPassword('stessa-password')).not.toBe(await hashPassword('stessa-password'));
  });

  it('refuses a stored value that is not a scrypt hash', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });
});
