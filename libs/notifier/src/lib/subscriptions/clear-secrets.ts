import type { Pool } from 'pg';
import { SecretCipher } from './secret-cipher';

/**
 * Encrypts the signing secrets stored in clear before encryption came (at boot, before anything is
 * sent); a row changed meanwhile (a rotation) is left to the next boot. Resolves to the rows done.
 */
export async function encryptClearSecrets(pool: Pool, cipher: SecretCipher): Promise<number> {
  const { rows } = await pool.query<{ id: string; secret: string; previous_secret: string | null }>(
    `select id, secret, previous_secret from subscription where secret like 'whsec\\_%' or previous_secret like 'whsec\\_%'`,
  );
  let done = 0;
  for (const row of rows) {
    const encrypt = (value: string | null): string | null =>
      value !== null && SecretCipher.isClear(value) ? cipher.encrypt(value, row.id) : value;
    const { rowCount } = await pool.query(
      `update subscription set secret = $2, previous_secret = $3
       where id = $1 and secret = $4 and previous_secret is not distinct from $5`,
      [row.id, encrypt(row.secret), encrypt(row.previous_secret), row.secret, row.previous_secret],
    );
    done += rowCount ?? 0;
  }
  return done;
}
