import { auditDatabase, auditEntry, inTransaction, openTransaction } from '../../test/audit-fixture';
import type { AuditDatabase } from '../../test/audit-fixture';
import { appendAudit } from './append-audit';
import { verifyAudit } from './verify-audit';

describe('appendAudit on the real PostgreSQL', () => {
  let audit: AuditDatabase;
  const seqs = async (): Promise<number[]> =>
    (await audit.pool.query(`select seq from ${audit.table('audit_entry')} order by seq`)).rows.map(
      (r: { seq: string }) => Number(r.seq),
    );

  beforeEach(async () => {
    audit = await auditDatabase(20);
  });

  afterEach(() => audit.close());

  it('chains entries appended in several transactions into one intact trail, the head on the last', async () => {
    await audit.append([auditEntry({ action: 'created', revision: 1 })]);
    await audit.append([auditEntry({ revision: 2 }), auditEntry({ revision: 3 }), auditEntry({ action: 'read' })]);
    await audit.append([auditEntry({ action: 'deleted', revision: 4 })]);

    const verification = await verifyAudit(audit.pool, audit.db.schema);
    expect(verification).toMatchObject({ intact: true, entries: 5, head: { seq: '5' }, pending: 0 });
    const last = await audit.pool.query(`select hash from ${audit.table('audit_entry')} where seq = 5`);
    expect(verification.head.hash).toBe(last.rows[0].hash);
    expect(await seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves entries pending, outside the chain, until they are sealed, in the order appended', async () => {
    const entries = [auditEntry({ correlationId: 'a' }), auditEntry({ correlationId: 'b' })];
    await audit.appendPending(entries);
    await audit.appendPending([auditEntry({ correlationId: 'c' })]);

    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 0, pending: 3 });
    expect(await audit.seal()).toMatchObject({ sealed: 3, head: { seq: '3' }, busy: false });
    expect(await audit.sealedIds()).toEqual(['a', 'b', 'c']);
    expect(await audit.pendingCount()).toBe(0);
  });

  it('lets an appender commit while another appender has appended and not yet committed', async () => {
    const first = await openTransaction(audit.pool);
    try {
      await appendAudit(first.client, audit.db.schema, [auditEntry({ correlationId: 'first' })]);
      await inTransaction(audit.pool, async (c) => {
        // Under the head lock of the previous design, this append would wait for `first` and fail here.
        await c.query(`set local lock_timeout = '200ms'`);
        await c.query(`set local statement_timeout = '2s'`);
        await appendAudit(c, audit.db.schema, [auditEntry({ correlationId: 'second' })]);
      });
    } finally {
      await first.commit();
    }
    await audit.seal();

    expect((await audit.sealedIds()).sort()).toEqual(['first', 'second']);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 2, pending: 0 });
  });

  it('leaves nothing pending and nothing in the chain behind a rolled-back transaction', async () => {
    await audit.append([auditEntry()]);
    await expect(
      inTransaction(audit.pool, async (c) => {
        await appendAudit(c, audit.db.schema, [auditEntry({ recordKey: 'rolled-back' }), auditEntry()]);
        throw new Error('the record write failed');
      }),
    ).rejects.toThrow('the record write failed');
    expect(await audit.pendingCount()).toBe(0);
    await audit.append([auditEntry()]);

    expect(await seqs()).toEqual([1, 2]);
    const keys = await audit.pool.query(`select record_key from ${audit.table('audit_entry')}`);
    expect(keys.rows.map((r: { record_key: string }) => r.record_key)).not.toContain('rolled-back');
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 2, pending: 0 });
  });

  it('does nothing for an empty list', async () => {
    await audit.append([]);
    expect(await audit.pendingCount()).toBe(0);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({
      intact: true,
      entries: 0,
      head: { seq: '0' },
    });
  });

  it('gives 20 concurrent appenders, each in its own transaction, gapless seqs and an intact chain once sealed', async () => {
    const appenders = Array.from({ length: 20 }, (_, i) =>
      inTransaction(audit.pool, (c) =>
        appendAudit(
          c,
          audit.db.schema,
          Array.from({ length: (i % 3) + 1 }, () => auditEntry({ clientId: `client-${i}`, recordKey: `pos-${i}` })),
        ),
      ),
    );
    await Promise.all(appenders);
    await audit.seal();

    const total = Array.from({ length: 20 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
    expect(await seqs()).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: total, pending: 0 });
  });
});
