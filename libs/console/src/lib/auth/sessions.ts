import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OperatorAccounts } from '@interscambio/access';
import type { Pool } from 'pg';
import type { Operator } from './operator-authenticator';
import { OPERATOR_ACCOUNTS } from './password.authenticator';

/** The console's own schema: sessions, the event index, the dead letters. */
export const CONSOLE_POOL = Symbol('CONSOLE_POOL');

const SESSION_HOURS = 8;

export interface Session {
  operator: Operator;
  csrfToken: string;
}

const digest = (id: string): string => createHash('sha256').update(id).digest('base64url');

/** Sessions in PostgreSQL, so that every replica of the console knows them and a logout ends them everywhere. */
@Injectable()
export class Sessions {
  constructor(
    @Inject(CONSOLE_POOL) private readonly sql: Pool,
    @Inject(OPERATOR_ACCOUNTS) private readonly accounts: OperatorAccounts,
  ) {}

  /** A new session id (the cookie's value) for the operator; any id the browser had before is not reused. */
  async open(operator: Operator): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.sql.query(
      `insert into operator_session (id_hash, operator_id, csrf_token, expires_at)
       values ($1, $2, $3, now() + make_interval(hours => $4))`,
      [digest(id), operator.id, randomBytes(32).toString('base64url'), SESSION_HOURS],
    );
    await this.sql.query(`delete from operator_session where expires_at < now()`);
    return id;
  }

  async find(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    const { rows } = await this.sql.query<{ operator_id: string; csrf_token: string }>(
      `select operator_id::text, csrf_token from operator_session where id_hash = $1 and expires_at > now()`,
      [digest(id)],
    );
    const row = rows[0];
    // The account is the registry's: one removed there ends its sessions here too.
    const account = row && (await this.accounts.byId(row.operator_id));
    return account && row
      ? {
          operator: { id: account.id, email: account.email, displayName: account.display_name },
          csrfToken: row.csrf_token,
        }
      : undefined;
  }

  async close(id: string | undefined): Promise<void> {
    if (id) await this.sql.query(`delete from operator_session where id_hash = $1`, [digest(id)]);
  }
}

export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
