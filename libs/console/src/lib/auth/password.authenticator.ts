import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { LoginOutcome, OperatorAuthenticator } from './operator-authenticator';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export const CONSOLE_POOL = Symbol('CONSOLE_POOL');

// Five wrong passwords lock the account for 15 minutes (AgID's and OWASP's usual advice): slow
// enough against guessing, short enough that an operator is not shut out of an incident for long.
export const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

interface OperatorRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  failed_logins: number;
  locked_until: Date | null;
}

@Injectable()
export class PasswordAuthenticator implements OperatorAuthenticator {
  readonly method = 'password' as const;

  constructor(@Inject(CONSOLE_POOL) private readonly sql: Pool) {}

  async authenticate({ email, password }: { email: string; password: string }): Promise<LoginOutcome> {
    const { rows } = await this.sql.query<OperatorRow>(
      `select id, email, display_name, password_hash, failed_logins, locked_until from operator where email = $1`,
      [email.trim().toLowerCase()],
    );
    const row = rows[0];
    const matches = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row) return { ok: false, reason: 'invalid' };
    if (row.locked_until && row.locked_until > new Date())
      return { ok: false, reason: 'locked', lockedUntil: row.locked_until };
    if (!matches || !row.password_hash) {
      // One statement, so concurrent wrong guesses cannot each read the same count.
      const { rows: after } = await this.sql.query<{ locked_until: Date | null }>(
        `update operator set failed_logins = failed_logins + 1,
           locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) else null end
         where id = $1 returning locked_until`,
        [row.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
      );
      const lockedUntil = after[0]?.locked_until ?? undefined;
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
    }
    await this.sql.query(
      `update operator set failed_logins = 0, locked_until = null, last_login_at = now() where id = $1`,
      [row.id],
    );
    return { ok: true, operator: { id: row.id, email: row.email, displayName: row.display_name } };
  }
}

/** Creates the operator, or sets a new password (and unlocks) when the e-mail exists. */
export async function upsertOperator(
  sql: Pool,
  operator: { email: string; displayName: string; password: string },
): Promise<void> {
  await sql.query(
    `insert into operator (id, email, display_name, password_hash) values ($1, $2, $3, $4)
     on conflict (email) do update set display_name = excluded.display_name, password_hash = excluded.password_hash,
       failed_logins = 0, locked_until = null`,
    [randomUUID(), operator.email.trim().toLowerCase(), operator.displayName, await hashPassword(operator.password)],
  );
}
