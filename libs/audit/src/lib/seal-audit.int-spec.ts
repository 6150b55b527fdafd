import { auditDatabase, auditEntry, openTransaction } from '../../test/audit-fixture';
import type { AuditDatabase } from '../../test/audit-fixture';
import { appendAudit } from './append-audit';
import { InvalidAuditPageError } from './audit.errors';
import { sealAudit } from './seal-audit';
import { verifyAudit } from './verify-audit';

describe('sealAudit on the real PostgreSQL', () => {
  let audit: AuditDatabase;

  beforeEach(async () => {
    audit = await auditDatabase();
  });

  afterEach(() => audit.close());

  it('seals an entry whose transaction commits after a later one in a later pass, each entry once', async () => {
    const late = await openTransaction(audit.pool);
    try {
      await appendAudit(late.client, audit.db.schema, [auditEntry({ correlationId: 'late' })]);
      await audit.appendPending([auditEntry({ correlationId: 'early' })]);
      expect(await audit.seal()).toMatchObject({ sealed: 1, head: { seq: '1' } });
      expect(await audit.sealedIds()).toEqual(['early']);
    } finally {
      await late.commit();
    }
    expect(await audit.seal()).toMatchObject({ sealed: 1, head: { seq: '2' } });

    expect(await audit.sealedIds()).toEqual(['early', 'late']);
    expect(await audit.pendingCount()).toBe(0);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true, entries: 2 });
  });

  it('seals everything pending in one call, one batch after another', async () => {
    await audit.appendPending(Array.from({ length: 25 }, (_, i) => auditEntry({ correlationId: `c-${i}` })));
    expect(await sealAudit(audit.pool, audit.db.schema, { batchSize: 10 })).toMatchObject({
      sealed: 25,
      head: { seq: '25' },
      busy: false,
    });
    expect(await audit.sealedIds()).toEqual(Array.from({ length: 25 }, (_, i) => `c-${i}`));
    expect(await verifyAudit(audit.pool, audit.db.schema, { pageSize: 7 })).toMatchObject({
      intact: true,
      entries: 25,
    });
  });

  it('returns busy and seals nothing while another sealer holds the schema, unless told to wait', async () => {
    await audit.append([auditEntry()]);
    await audit.appendPending([auditEntry(), auditEntry()]);
    const holder = await audit.holdSealerLock();
    let waiting: Promise<unknown> | undefined;
    try {
      expect(await sealAudit(audit.pool, audit.db.schema)).toMatchObject({ sealed: 0, head: { seq: '1' }, busy: true });
      expect(await audit.pendingCount()).toBe(2);
      waiting = sealAudit(audit.pool, audit.db.schema, { wait: true });
    } finally {
      await holder.commit();
    }
    expect(await waiting).toMatchObject({ sealed: 2, head: { seq: '3' }, busy: false });
  });

  it('returns the head unchanged when nothing is pending', async () => {
    await audit.append([auditEntry()]);
    const { head } = await verifyAudit(audit.pool, audit.db.schema);
    expect(await sealAudit(audit.pool, audit.db.schema)).toEqual({ sealed: 0, head, busy: false });
  });

  it('refuses a batch size below one', async () => {
    await expect(sealAudit(audit.pool, audit.db.schema, { batchSize: 0 })).rejects.toBeInstanceOf(
      InvalidAuditPageError,
    );
  });
});
