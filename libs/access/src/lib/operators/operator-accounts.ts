import { randomUUID } from 'node:crypto';
import { bool, int, nullable, qualifiedTable, rowParser, text, timestamp } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { hashPassword } from './operator-password';

const account = rowParser('operator', {
  id: text,
  email: text,
  display_name: text,
  password_hash: nullable(text),
  failed_logins: int,
  locked_until: nullable(timestamp),
});
const locked = rowParser('operator', { locked_until: nullable(timestamp) });
const saved = rowParser('operator', { id: text, created: bool });

export type OperatorAccount = ReturnType<typeof account>;

/** E-mail addresses are kept lower-case and trimmed: the one form a login and the table compare. */
const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The operators' accounts in the registry's schema (operatorMigrations): the registry's commands
 * create them, the console reads them and counts failed logins. Plain SQL over PostgreSQL, never an
 * HTTP route: no endpoint verifies or returns a password hash.
 */
export class OperatorAccounts {
  private readonly table: string;

  constructor(
    private readonly sql: SqlExecutor,
    /** The registry's schema. */
    schema: string,
  ) {
    this.table = qualifiedTable(schema, 'operator');
  }

  /** Whether the registry's migrations have made the table (a console started before them could let nobody in). */
  async tableExists(): Promise<boolean> {
    const { rows } = await this.sql.query(`select to_regclass($1) is not null as found`, [this.table]);
    return rows[0]?.found === true;
  }

  async byEmail(email: string): Promise<OperatorAccount | undefined> {
    const { rows } = await this.sql.query(
      `select id::text, email, display_name, password_hash, failed_logins, locked_until from ${this.table} where email = $1`,
      [normaliseEmail(email)],
    );
    return rows[0] ? account(rows[0]) : undefined;
  }

  async byId(id: string): Promise<OperatorAccount | undefined> {
    const { rows } = await this.sql.query(
      `select id::text, email, display_name, password_hash, failed_logins, locked_until from ${this.table} where id = $1`,
      [id],
    );
    return rows[0] ? account(rows[0]) : undefined;
  }

  /**
   * One more failure; at `maxFailures` in a row the account locks for `lockMinutes`. One statement,
   * so concurrent wrong guesses cannot each read the same count. Resolves to the lock's end, if any.
   */
  async recordFailure(id: string, maxFailures: number, lockMinutes: number): Promise<Date | undefined> {
    const { rows } = await this.sql.query(
      `update ${this.table} set failed_logins = failed_logins + 1,
         locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) else null end
       where id = $1 returning locked_until`,
      [id, maxFailures, lockMinutes],
    );
    return (rows[0] ? locked(rows[0]).locked_until : null) ?? undefined;
  }

  async recordSuccess(id: string): Promise<void> {
    await this.sql.query(
      `update ${this.table} set failed_logins = 0, locked_until = null, last_login_at = now() where id = $1`,
      [id],
    );
  }

  /** Creates the operator, or sets a new password (and unlocks) when the e-mail exists. */
  async save(operator: {
    email: string;
    displayName: string;
    password: string;
  }): Promise<{ id: string; created: boolean }> {
    const { rows } = await this.sql.query(
      `insert into ${this.table} (id, email, display_name, password_hash) values ($1, $2, $3, $4)
       on conflict (email) do update set display_name = excluded.display_name, password_hash = excluded.password_hash,
         failed_logins = 0, locked_until = null
       returning id::text, (xmax = 0) as created`,
      [randomUUID(), normaliseEmail(operator.email), operator.displayName, await hashPassword(operator.password)],
    );
    return saved(rows[0]);
  }
}
