import { eventually } from '@interscambio/testing';
import { Pool } from 'pg';

import { auditDatabase, auditEntry, inTransaction } from '../../test/audit-fixture';
import type { AuditDatabase } from '../../test/audit-fixture';
import { appendAudit } from './append-audit';

import type { AuditHead } from './audit-head';
import { AuditSealer } from './audit.sealer';

import { verifyAudit } from './verify-audit';

describe('AuditSealer on the real PostgreSQL', () => {
  let audit: AuditDatabase;
  const sealers: AuditSealer[] = [];
  const sealer = (options: Partial<ConstructorParameters<typeof AuditSealer>[0]> = {}): AuditSealer => {
    const created = new AuditSealer({ pool: audit.pool, schema: audit.db.schema, log: () => undefined, ...options });
    sealers.push(created);
    return created;
  };

  beforeEach(async () => {
    audit = await auditDatabase(8);
  });

  afterEach(async () => {
    await Promise.all(sealers.splice(0).map((s) => s.stop()));
    await audit.close();
  });

  it('seals every entry exactly once with two replicas sealing while 10 writers append', async () => {
    const otherReplica = new Pool({ connectionString: audit.db.url, max: 2 });
    try {
      const replicas = [sealer({ intervalMs: 5 }), sealer({ pool: otherReplica, intervalMs: 5 })];
      replicas.forEach((s) => s.start());
      const ids: string[] = [];
      const writer = async (w: number): Promise<void> => {
        for (let i = 0; i < 25; i += 1) {
          const batch = [auditEntry({ correlationId: `w${w}-${i}-a` }), auditEntry({ correlationId: `w${w}-${i}-b` })];
          ids.push(...batch.map((e) => e.correlationId));
          await inTransaction(audit.pool, (c) => appendAudit(c, audit.db.schema, batch));
          replicas[i % 2]?.wake();
        }
      };
      await Promise.all(Array.from({ length: 10 }, (_, w) => writer(w)));
      await Promise.all(replicas.map((s) => s.stop()));
    } finally {
      await otherReplica.end();
    }

    const sealed = await audit.sealedIds();
    expect(sealed).toHaveLength(500);
    expect(new Set(sealed).size).toBe(500);
    const { rows } = await audit.pool.query(
      `select min(seq)::int as min, max(seq)::int as max from ${audit.table('audit_entry')}`,
    );
    expect(rows[0]).toEqual({ min: 1, max: 500 });
    expect(await audit.pendingCount()).toBe(0);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 500, pending: 0 });
  });

  it('resolves sealNow only once the entries committed before the call are sealed, waiting for the other sealer', async () => {
    const s = sealer();
    await audit.appendPending([auditEntry({ correlationId: 'a' }), auditEntry({ correlationId: 'b' })]);
    const holder = await audit.holdSealerLock();
    let resolved = false;
    let sealing: Promise<AuditHead> | undefined;
    try {
      sealing = s.sealNow().then((head) => {
        resolved = true;
        return head;
      });
      await eventually(async () => (await audit.sealerLockWaiters()) > 0);
      expect(resolved).toBe(false);
    } finally {
      await holder.commit();
    }
    expect(await sealing).toMatchObject({ seq: '2' });
    expect(await audit.sealedIds()).toEqual(['a', 'b']);
  });

  it('seals at once when woken, and tells onSealed the head after a pass that moved it', async () => {
    const heads: AuditHead[] = [];
    const s = sealer({ intervalMs: 600_000, onSealed: (head) => void heads.push(head) });
    s.start();
    await s.sealNow();
    expect(heads).toEqual([]);

    await audit.appendPending([auditEntry(), auditEntry()]);
    s.wake();
    await eventually(async () => (await audit.pendingCount()) === 0);
    await eventually(async () => heads.length > 0);
    const { head } = await verifyAudit(audit.pool, audit.db.schema);
    expect(heads).toEqual([head]);
    expect(head.seq).toBe('2');
  });

  it('keeps sealing after onSealed fails', async () => {
    const failures: string[] = [];
    const s = sealer({
      onSealed: () => Promise.reject(new Error('kafka is down')),
      log: (msg) => void failures.push(msg),
    });
    await audit.appendPending([auditEntry()]);
    expect(await s.sealNow()).toMatchObject({ seq: '1' });
    await eventually(async () => failures.length === 1);
    await audit.appendPending([auditEntry()]);
    expect(await s.sealNow()).toMatchObject({ seq: '2' });
    await eventually(async () => failures.length === 2);
    expect(failures[0]).toMatch(/onSealed failed for seq 1: kafka is down/);
  });

  it('logs a failing pass and retries it, never throwing out of the loop', async () => {
    const logged: string[] = [];
    const pending = audit.table('audit_pending');
    await audit.pool.query(`alter table ${pending} rename to audit_pending_away`);
    const s = sealer({ intervalMs: 5, log: (msg) => void logged.push(msg) });
    s.start();
    await eventually(async () => logged.length >= 2);
    expect(logged[0]).toMatch(/audit_pending.*does not exist; retrying in \d+ ms/);
    await audit.pool.query(`alter table "${audit.db.schema}".audit_pending_away rename to audit_pending`);

    await audit.appendPending([auditEntry()]);
    await eventually(async () => (await audit.pendingCount()) === 0);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 1 });
  });

  it('seals on stop() what was appended before it', async () => {
    const s = sealer({ intervalMs: 600_000 });
    s.start();
    await s.sealNow();
    await audit.appendPending([auditEntry({ correlationId: 'last' })]);
    await s.stop();
    expect(await audit.sealedIds()).toEqual(['last']);
    expect(await audit.pendingCount()).toBe(0);
  });
});
