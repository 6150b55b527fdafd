import { randomUUID } from 'node:crypto';
import { inTransaction } from '@interscambio/persistence';
import { migrate, openOrm } from '@interscambio/persistence';
import { Probe } from '@interscambio/persistence/testing';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import { appendAudit } from '../src/lib/append-audit';
import type { AuditEntryInput } from '../src/lib/audit-entry';
import { auditMigrations } from '../src/lib/audit.migrations';
import { sealAudit } from '../src/lib/seal-audit';
import type { AuditSeal } from '../src/lib/seal-audit';

export interface AuditDatabase {
  db: TestDatabase;
  pool: Pool;
  /** `"<schema>".<table>` */
  table(name: 'audit_entry' | 'audit_head' | 'audit_pending'): string;
  /** Appends the entries in one committed transaction, then seals them. */
  append(entries: AuditEntryInput[]): Promise<void>;
  /** Appends the entries in one committed transaction, leaving them pending. */
  appendPending(entries: AuditEntryInput[]): Promise<void>;
  seal(): Promise<AuditSeal>;
  /** The correlationIds in the chain, in seq order. */
  sealedIds(): Promise<string[]>;
  pendingCount(): Promise<number>;
  /** Takes the schema's sealer lock in a transaction left open, as a sealer of another replica would. */
  holdSealerLock(): Promise<{ commit(): Promise<void> }>;
  /** How many sessions wait for the schema's sealer lock. */
  sealerLockWaiters(): Promise<number>;
  /** Runs `sql` as an attacker with DB rights would: with the append-only trigger disabled. */
  tamper(sql: string, values?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

const sealerLockKey = `hashtextextended('interscambio.audit-sealer.' || $1, 0)`;

/** A fresh schema with the audit migrations applied, and a pool on it. */
export async function auditDatabase(poolSize = 4): Promise<AuditDatabase> {
  const db = await testDatabase('audit');
  const orm = await openOrm({
    url: db.url,
    schema: db.schema,
    // MikroORM refuses to start without an entity; the library itself uses raw SQL only.
    entities: [Probe],
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
    append: async (entries) => {
      await inTransaction(pool, (c) => appendAudit(c, db.schema, entries));
      await sealAudit(pool, db.schema, { wait: true });
    },
    appendPending: (entries) => inTransaction(pool, (c) => appendAudit(c, db.schema, entries)),
    seal: () => sealAudit(pool, db.schema, { wait: true }),
    sealedIds: async () =>
      (await pool.query(`select correlation_id from ${table('audit_entry')} order by seq`)).rows.map(
        (r: { correlation_id: string }) => r.correlation_id,
      ),
    pendingCount: async () =>
      Number((await pool.query(`select count(*) from ${table('audit_pending')}`)).rows[0].count),
    holdSealerLock: async () => {
      const holder = await openTransaction(pool);
      await holder.client.query(`select pg_advisory_xact_lock(${sealerLockKey})`, [db.schema]);
      return holder;
    },
    sealerLockWaiters: async () => {
      const { rows } = await pool.query(
        `select count(*)::int as n from pg_locks l, (select ${sealerLockKey} as k) x
         where l.locktype = 'advisory' and not l.granted and l.objsubid = 1
           and l.classid = ((x.k >> 32) & 4294967295)::oid and l.objid = (x.k & 4294967295)::oid`,
        [db.schema],
      );
      return rows[0].n;
    },
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

/** Holds a transaction open on its own connection until commit() or rollback(). */
export async function openTransaction(pool: Pool): Promise<{
  client: PoolClient;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}> {
  const client = await pool.connect();
  await client.query('begin');
  const end = async (sql: string): Promise<void> => {
    try {
      await client.query(sql);
    } finally {
      client.release();
    }
  };
  return { client, commit: () => end('commit'), rollback: () => end('rollback') };
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
