import { auditDatabase, auditEntry, inTransaction } from '../../test/audit-fixture';
import type { AuditDatabase } from '../../test/audit-fixture';
import { appendAudit } from './append-audit';
import { auditHash } from './audit.hash';
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

  afterEach(async () => {
    await audit.close();
  });

  it('chains entries appended in several transactions into one intact trail, the head on the last', async () => {
    await audit.append([auditEntry({ action: 'created', revision: 1 })]);
    await audit.append([auditEntry({ revision: 2 }), auditEntry({ revision: 3 }), auditEntry({ action: 'read' })]);
    await audit.append([auditEntry({ action: 'deleted', revision: 4 })]);

    const verification = await verifyAudit(audit.pool, audit.db.schema);
    expect(verification).toMatchObject({ intact: true, entries: 5, head: { seq: '5' } });
    const last = await audit.pool.query(`select hash from ${audit.table('audit_entry')} where seq = 5`);
    expect(verification.head.hash).toBe(last.rows[0].hash);
    expect(await seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves no entry and no gap behind a rolled-back transaction', async () => {
    await audit.append([auditEntry()]);
    await expect(
      inTransaction(audit.pool, async (c) => {
        await appendAudit(c, audit.db.schema, [auditEntry({ recordKey: 'rolled-back' }), auditEntry()]);
        throw new Error('the record write failed');
      }),
    ).rejects.toThrow('the record write failed');
    await audit.append([auditEntry()]);

    expect(await seqs()).toEqual([1, 2]);
    const keys = await audit.pool.query(`select record_key from ${audit.table('audit_entry')}`);
    expect(keys.rows.map((r: { record_key: string }) => r.record_key)).not.toContain('rolled-back');
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 2 });
  });

  it('chains onto the head another replica moved since this process last appended', async () => {
    await audit.append([auditEntry({ recordKey: 'mine-1' })]);
    // Another process appends: it starts from the head in the database, not from this process's.
    const head = (await audit.pool.query(`select seq::text as seq, hash from ${audit.table('audit_head')}`)).rows[0];
    const at = new Date();
    const theirs = { ...auditEntry({ recordKey: 'theirs' }), seq: '2', at: at.toISOString() };
    const hash = auditHash(head.hash, theirs);
    await inTransaction(audit.pool, async (c) => {
      await c.query(
        `insert into ${audit.table('audit_entry')} (seq, at, client_id, ente, action, record_type, record_ente,
           record_key, revision, agreement_id, purpose, correlation_id, prev_hash, hash)
         values (2, $1, $2, $3, $4, $5, $6, $7, $8, null, null, $9, $10, $11)`,
        [
          at,
          theirs.clientId,
          theirs.ente,
          theirs.action,
          theirs.recordType,
          theirs.recordEnte,
          theirs.recordKey,
          theirs.revision,
          theirs.correlationId,
          head.hash,
          hash,
        ],
      );
      await c.query(`update ${audit.table('audit_head')} set seq = 2, hash = $1`, [hash]);
    });
    await audit.append([auditEntry({ recordKey: 'mine-2' })]);

    expect(await seqs()).toEqual([1, 2, 3]);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 3 });
  });

  it('does nothing for an empty list', async () => {
    await audit.append([]);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({
      intact: true,
      entries: 0,
      head: { seq: '0' },
    });
  });

  it('gives 20 concurrent appenders, each in its own transaction, gapless seqs and an intact chain', async () => {
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

    const total = Array.from({ length: 20 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
    expect(await seqs()).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: total });
    // One appender's entries are contiguous: the head lock is held from its first entry to commit.
    const { rows } = await audit.pool.query(
      `select client_id, max(seq) - min(seq) + 1 as span, count(*) as n from ${audit.table('audit_entry')} group by client_id`,
    );
    for (const r of rows as { span: string; n: string }[]) expect(r.span).toBe(r.n);
  });
});
