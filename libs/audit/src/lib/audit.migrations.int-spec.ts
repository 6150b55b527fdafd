import { forSuite } from '@interscambio/testing';
import { auditDatabase, auditEntry } from '../../test/audit-fixture';
import { AUDIT_GENESIS_HASH } from './audit.hash';
import { verifyAudit } from './verify-audit';

describe('audit tables on the real PostgreSQL', () => {
  const audit = forSuite(() => auditDatabase());

  it('starts with the head at seq 0 and the genesis hash, and verifies intact with 0 entries', async () => {
    const { rows } = await audit.pool.query(`select seq::text as seq, hash from ${audit.table('audit_head')}`);
    expect(rows).toEqual([{ seq: '0', hash: AUDIT_GENESIS_HASH }]);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toEqual({
      intact: true,
      entries: 0,
      head: { seq: '0', hash: AUDIT_GENESIS_HASH },
      pending: 0,
      anchor: null,
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of entries while the append-only trigger is on', async () => {
    await audit.append([auditEntry(), auditEntry()]);
    const entries = audit.table('audit_entry');
    await expect(audit.pool.query(`update ${entries} set client_id = 'someone-else' where seq = 1`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(audit.pool.query(`delete from ${entries} where seq = 2`)).rejects.toThrow(/append-only: DELETE/);
    await expect(audit.pool.query(`truncate ${entries}`)).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await audit.pool.query(`select client_id from ${entries} order by seq`);
    expect(rows).toEqual([{ client_id: 'tributi-gestionale-082053' }, { client_id: 'tributi-gestionale-082053' }]);
    expect((await verifyAudit(audit.pool, audit.db.schema)).intact).toBe(true);
  });

  it('refuses to delete the head or add a second one', async () => {
    const head = audit.table('audit_head');
    await expect(audit.pool.query(`delete from ${head}`)).rejects.toThrow(/append-only: DELETE/);
    await expect(audit.pool.query(`insert into ${head} (seq, hash) values (0, 'x')`)).rejects.toThrow(/duplicate key/);
    await expect(audit.pool.query(`insert into ${head} (id, seq, hash) values (false, 0, 'x')`)).rejects.toThrow(
      /check constraint/,
    );
  });

  it('refuses an action outside created, updated, deleted and read', async () => {
    const before = await verifyAudit(audit.pool, audit.db.schema);
    await expect(audit.append([auditEntry({ action: 'exported' as 'read' })])).rejects.toThrow(/check constraint/);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toEqual(before);
  });
});
