import { auditDatabase, auditEntry } from '../../test/audit-fixture';
import type { AuditDatabase } from '../../test/audit-fixture';
import { InvalidAuditAnchorError, InvalidAuditPageError } from './audit.errors';
import { AUDIT_GENESIS_HASH, auditHash } from './audit.hash';
import { auditColumnsSql, toAuditEntry } from './audit.sql';
import type { AuditRow } from './audit.sql';
import type { AuditEntry } from './audit-entry';
import { verifyAudit } from './verify-audit';
import type { AuditAnchor } from './verify-audit';

/** Ten entries, some with an agreement and purpose (reads of `personale` records), some without. */
const trail = Array.from({ length: 10 }, (_, i) =>
  auditEntry({
    action: i % 2 ? 'read' : 'updated',
    recordKey: `pic-${i % 4}`,
    revision: i % 2 ? null : i + 1,
    agreementId: i % 2 ? 'acc-2026-17' : null,
    purpose: i % 2 ? 'continuita-assistenziale' : null,
  }),
);

describe('verifyAudit against rows altered directly in the database', () => {
  let audit: AuditDatabase;
  const verify = (pageSize?: number) => verifyAudit(audit.pool, audit.db.schema, { pageSize });
  const entries = (): string => audit.table('audit_entry');
  const row = async (seq: number): Promise<AuditRow> =>
    (await audit.pool.query<AuditRow>(`select ${auditColumnsSql} from ${entries()} where seq = $1`, [seq]))
      .rows[0] as AuditRow;

  /** Rewrites `column` of row `seq` and its hash over the changed entry, as one who knows the hash rule would. */
  async function replaceConsistently(seq: number, column: string, field: keyof AuditEntry, value: string) {
    const original = await row(seq);
    const forged = { ...toAuditEntry(original), [field]: value };
    await audit.tamper(`update ${entries()} set ${column} = $1, hash = $2 where seq = $3`, [
      value,
      auditHash(original.prev_hash, forged),
      seq,
    ]);
  }

  beforeEach(async () => {
    audit = await auditDatabase();
    await audit.append(trail.slice(0, 4));
    await audit.append(trail.slice(4));
  });

  afterEach(() => audit.close());

  it('finds an untouched trail intact, whatever the page size', async () => {
    for (const pageSize of [1, 3, 10, 1000])
      expect(await verify(pageSize)).toMatchObject({ intact: true, entries: 10, head: { seq: '10' } });
  });

  it.each([
    ['client_id', `client_id = 'someone-else'`],
    ['ente', `ente = '082001'`],
    ['purpose', `purpose = 'statistica'`],
    ['agreement_id', `agreement_id = 'acc-2026-99'`],
    ['revision', 'revision = 99'],
    ['at, by one microsecond', `at = at + interval '1 microsecond'`],
    ['prev_hash', `prev_hash = repeat('1', 64)`],
    ['hash', `hash = repeat('2', 64)`],
  ])('reports exactly the altered row, as hash-mismatch, when %s of it changes', async (_field, set) => {
    await audit.tamper(`update ${entries()} set ${set} where seq = 7`);
    const result = await verify(3);
    expect(result).toMatchObject({ intact: false, entries: 6, firstBroken: { seq: '7', reason: 'hash-mismatch' } });
  });

  it('reports the next row as chain-broken when a row is replaced by a self-consistent one', async () => {
    await replaceConsistently(4, 'purpose', 'purpose', 'statistica');
    expect(await verify()).toMatchObject({
      intact: false,
      entries: 4,
      firstBroken: { seq: '5', reason: 'chain-broken' },
    });
  });

  it('reports the first missing seq as a sequence-gap when rows are deleted', async () => {
    await audit.tamper(`delete from ${entries()} where seq in (3, 4, 8)`);
    expect(await verify(2)).toMatchObject({
      intact: false,
      entries: 2,
      firstBroken: { seq: '3', reason: 'sequence-gap' },
    });
  });

  it("reports head-mismatch at the head's seq when the last row is deleted", async () => {
    await audit.tamper(`delete from ${entries()} where seq = 10`);
    expect(await verify()).toMatchObject({
      intact: false,
      entries: 9,
      head: { seq: '10' },
      firstBroken: { seq: '10', reason: 'head-mismatch' },
    });
  });

  it('reports head-mismatch when the last row is replaced by a self-consistent one', async () => {
    await replaceConsistently(10, 'client_id', 'clientId', 'someone-else');
    expect(await verify()).toMatchObject({ intact: false, firstBroken: { seq: '10', reason: 'head-mismatch' } });
  });

  it('reports a row inserted past the head without moving it', async () => {
    const last = await row(10);
    const forged = { ...toAuditEntry(last), seq: '11' };
    await audit.pool.query(
      `insert into ${entries()} select 11, at, client_id, ente, action, record_type, record_ente, record_key, revision,
       agreement_id, purpose, correlation_id, $1, $2 from ${entries()} where seq = 10`,
      [last.hash, auditHash(last.hash, forged)],
    );
    expect(await verify()).toMatchObject({
      intact: false,
      entries: 10,
      firstBroken: { seq: '11', reason: 'head-mismatch' },
    });
  });

  it('reports a row placed before seq 1 as outside the chain', async () => {
    await audit.pool.query(
      `insert into ${entries()} select 0, at, client_id, ente, action, record_type, record_ente, record_key, revision,
       agreement_id, purpose, correlation_id, prev_hash, hash from ${entries()} where seq = 1`,
    );
    expect(await verify()).toMatchObject({
      intact: false,
      entries: 0,
      firstBroken: { seq: '0', reason: 'chain-broken' },
    });
  });

  it('refuses a page size below one', async () => {
    await expect(verify(0)).rejects.toBeInstanceOf(InvalidAuditPageError);
  });

  it('catches a change made with triggers off for the whole session (session_replication_role)', async () => {
    const client = await audit.pool.connect();
    try {
      await client.query('set session_replication_role = replica');
      await client.query(`update ${entries()} set purpose = 'statistica' where seq = 2`);
      await client.query('reset session_replication_role');
    } finally {
      client.release();
    }
    expect(await verify()).toMatchObject({ intact: false, firstBroken: { seq: '2', reason: 'hash-mismatch' } });
  });
});

describe('verifyAudit against an anchor published before the database was rewritten', () => {
  let audit: AuditDatabase;
  let anchor: AuditAnchor;
  const entries = (): string => audit.table('audit_entry');
  const verify = (withAnchor?: AuditAnchor) => verifyAudit(audit.pool, audit.db.schema, { anchor: withAnchor });
  const moveHeadTo = (seq: number) =>
    audit.tamper(
      `update ${audit.table('audit_head')} set seq = $1, hash = (select hash from ${entries()} where seq = $1)`,
      [seq],
    );

  beforeEach(async () => {
    audit = await auditDatabase();
    await audit.append(trail);
    const { rows } = await audit.pool.query(`select hash from ${entries()} where seq = 8`);
    anchor = { seq: '8', hash: rows[0].hash, at: '2026-12-01T09:30:00.123Z' };
  });

  afterEach(() => audit.close());

  it('finds an untouched trail intact against its anchor and against an anchor equal to the head', async () => {
    expect(await verify(anchor)).toEqual({
      intact: true,
      entries: 10,
      head: expect.objectContaining({ seq: '10' }),
      pending: 0,
      anchor,
    });
    const { head } = await verify();
    expect(await verify(head)).toMatchObject({ intact: true, entries: 10, anchor: head });
  });

  it('reports anchor-mismatch at the anchored seq when the tail is cut and the head moved back', async () => {
    await audit.tamper(`delete from ${entries()} where seq >= 7`);
    await moveHeadTo(6);

    expect(await verify()).toMatchObject({ intact: true, entries: 6, head: { seq: '6' } });
    const result = await verify(anchor);
    expect(result).toMatchObject({ intact: false, entries: 6, firstBroken: { seq: '8', reason: 'anchor-mismatch' } });
    expect(result.firstBroken?.detail).toBe(
      'seq 8 was anchored at 2026-12-01T09:30:00.123Z, but the trail now ends at seq 6',
    );
    expect((await verify({ seq: '8', hash: anchor.hash })).firstBroken?.detail).toBe(
      'seq 8 was anchored, but the trail now ends at seq 6',
    );
  });

  it('reports anchor-mismatch at the anchored seq when the whole chain is rewritten consistently', async () => {
    const { rows } = await audit.pool.query(`select ${auditColumnsSql} from ${entries()} e order by e.seq`);
    let prevHash = AUDIT_GENESIS_HASH;
    for (const row of rows as AuditRow[]) {
      const hash = auditHash(prevHash, { ...toAuditEntry(row), purpose: 'statistica' });
      await audit.tamper(`update ${entries()} set purpose = 'statistica', prev_hash = $1, hash = $2 where seq = $3`, [
        prevHash,
        hash,
        row.seq,
      ]);
      prevHash = hash;
    }
    await moveHeadTo(10);

    expect(await verify()).toMatchObject({ intact: true, entries: 10 });
    expect(await verify(anchor)).toMatchObject({
      intact: false,
      entries: 7,
      firstBroken: { seq: '8', reason: 'anchor-mismatch', detail: expect.stringMatching(/^seq 8 was anchored at /) },
    });
  });

  it('reports a break before the anchored seq rather than the anchor', async () => {
    await audit.tamper(`update ${entries()} set purpose = 'statistica' where seq = 5`);
    expect(await verify(anchor)).toMatchObject({ intact: false, firstBroken: { seq: '5', reason: 'hash-mismatch' } });
  });

  it('refuses an anchor whose seq is not a seq or whose hash is not a SHA-256', async () => {
    await expect(verify({ ...anchor, seq: '8 or 1=1' })).rejects.toBeInstanceOf(InvalidAuditAnchorError);
    await expect(verify({ ...anchor, hash: 'abc' })).rejects.toMatchObject({ code: 'audit-anchor-invalid' });
  });
});
