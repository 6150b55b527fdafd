import { randomUUID } from 'node:crypto';
import { inTransaction } from '@interscambio/persistence';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { migrate, openOrm } from '@interscambio/persistence';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { Pool } from 'pg';
import { appendAudit } from '../src/lib/append-audit';
import type { AuditEntryInput } from '../src/lib/audit-entry';
import { auditMigrations } from '../src/lib/audit.migrations';

export interface AuditDatabase {
  db: TestDatabase;
  pool: Pool;
  /** `"<schema>".<table>` */
  table(name: 'audit_entry' | 'audit_head'): string;
  /** Appends the entries in one committed transaction. */
  append(entries: AuditEntryInput[]): Promise<void>;
  /** Runs `sql` as an attacker with DB rights would: with the append-only trigger disabled. */
  tamper(sql: string, values?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

// MikroORM refuses to start without an entity; the library itself uses raw SQL only.
@Entity({ tableName: 'audit_head' })
class AuditHeadProbe {
  @PrimaryKey({ type: 'boolean' })
  id!: boolean;

  @Property({ type: 'text' })
  hash!: string;
}

/** A fresh schema with the audit migrations applied, and a pool on it. */
export async function auditDatabase(poolSize = 4): Promise<AuditDatabase> {
  const db = await testDatabase('audit');
  const orm = await openOrm({
    url: db.url,
    schema: db.schema,
    entities: [AuditHeadProbe],
    migrations: auditMigrations,
  });
  await migrate(orm);
  await orm.close();
  const pool = new Pool({ connectionString: db.url, max: poolSize });
  const table = (name: string): string => `"${db.schema}"."${name}"`;
  return {
    db,
    pool,
    table,
    append: (entries) => inTransaction(pool, (c) => appendAudit(c, db.schema, entries)),
    tamper: (sql, values) =>
      inTransaction(pool, async (c) => {
        await c.query(`alter table ${table('audit_entry')} disable trigger audit_entry_append_only`);
        await c.query(sql, values);
        await c.query(`alter table ${table('audit_entry')} enable trigger audit_entry_append_only`);
      }),
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}

/** An entry about record `<recordEnte>/<recordKey>` of `posizione-debitoria`, as the write path would append it. */
export function auditEntry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    clientId: 'tributi-gestionale-082053',
    ente: '082053',
    action: 'updated',
    recordType: 'posizione-debitoria',
    recordEnte: '082053',
    recordKey: 'pos-1',
    revision: 2,
    correlationId: randomUUID(),
    ...overrides,
  };
}

export { inTransaction };
