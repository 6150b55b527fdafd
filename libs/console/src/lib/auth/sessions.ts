import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Operator } from './operator-authenticator';
import { CONSOLE_POOL } from './password.authenticator';

const SESSION_HOURS = 8;

export interface Session {
  operator: Operator;
  csrfToken: string;
}

const digest = (id: string): string => createHash('sha256').update(id).digest('base64url');

/** Sessions in PostgreSQL, so that every replica of the console knows them and a logout ends them everywhere. */
@Injectable()
export class Sessions {
  constructor(@Inject(CONSOLE_POOL) private readonly sql: Pool) {}

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
    const { rows } = await this.sql.query<{ id: string; email: string; display_name: string; csrf_token: string }>(
      `select o.id, o.email, o.display_name, s.csrf_token from operator_session s
       join operator o on o.id = s.operator_id where s.id_hash = $1 and s.expires_at > now()`,
      [digest(id)],
    );
    const row = rows[0];
    return row
      ? { operator: { id: row.id, email: row.email, displayName: row.display_name }, csrfToken: row.csrf_token }
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
