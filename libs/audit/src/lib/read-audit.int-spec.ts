import { forSuite } from '@interscambio/testing';
import { auditDatabase, auditEntry } from '../../test/audit-fixture';
import { InvalidAuditPageError } from './audit.errors';
import { readAudit } from './read-audit';
import { verifyAudit } from './verify-audit';

describe('readAudit on the real PostgreSQL', () => {
  const audit = forSuite(() => auditDatabase());
  const record = { recordType: 'presa-in-carico', recordEnte: '082001', recordKey: 'pic-42' };
  const read = (page: { after?: string; limit: number }) => readAudit(audit.pool, audit.db.schema, record, page);

  beforeAll(async () => {
    const at = new Date('2026-12-01T09:30:00.123Z');
    await audit.append([
      auditEntry({ ...record, action: 'created', revision: 1, ente: '082001', correlationId: 'c-1', at }),
      auditEntry({ ...record, recordKey: 'pic-43', correlationId: 'other-key' }),
      auditEntry({ ...record, recordEnte: '082053', correlationId: 'other-ente' }),
      auditEntry({ ...record, recordType: 'intervento', correlationId: 'other-type' }),
    ]);
    await audit.append([
      auditEntry({
        ...record,
        action: 'read',
        revision: 1,
        agreementId: 'acc-2026-17',
        purpose: 'continuita-assistenziale',
        correlationId: 'c-2',
      }),
      auditEntry({ ...record, action: 'updated', revision: 2, correlationId: 'c-3' }),
      auditEntry({ ...record, action: 'deleted', revision: 3, correlationId: 'c-4' }),
    ]);
  });

  it("pages through one record's trail only, oldest first", async () => {
    const first = await read({ limit: 2 });
    const second = await read({ after: first.next ?? undefined, limit: 2 });
    expect(first.items.map((e) => e.correlationId)).toEqual(['c-1', 'c-2']);
    expect(first.next).toBe('5');
    expect(second.items.map((e) => e.correlationId)).toEqual(['c-3', 'c-4']);
    expect(second.items.map((e) => e.seq)).toEqual(['6', '7']);
    expect(second.next).toBeNull();
  });

  it('returns each entry as appended, with nulls explicit and the time in ISO-8601 milliseconds', async () => {
    const { items } = await read({ limit: 10 });
    expect(items[0]).toEqual({
      seq: '1',
      at: '2026-12-01T09:30:00.123Z',
      clientId: 'tributi-gestionale-082053',
      ente: '082001',
      action: 'created',
      recordType: 'presa-in-carico',
      recordEnte: '082001',
      recordKey: 'pic-42',
      revision: 1,
      agreementId: null,
      purpose: null,
      correlationId: 'c-1',
      fields: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(items[1]).toMatchObject({ action: 'read', agreementId: 'acc-2026-17', purpose: 'continuita-assistenziale' });
  });

  it('keeps the fields a read showed through the sealing, in a chain that still verifies', async () => {
    const shown = { ...record, recordKey: 'pic-campi', action: 'read' as const, correlationId: 'c-campi' };
    await audit.append([auditEntry({ ...shown, fields: ['/stato', '/periodo/inizio'] })]);
    const { items } = await readAudit(audit.pool, audit.db.schema, { ...record, recordKey: 'pic-campi' }, { limit: 5 });
    expect(items.map((e) => e.fields)).toEqual([['/stato', '/periodo/inizio']]);
    expect(await verifyAudit(audit.pool, audit.db.schema)).toMatchObject({ intact: true });
  });

  it('returns an empty last page for a record with no trail', async () => {
    const result = await readAudit(audit.pool, audit.db.schema, { ...record, recordKey: 'none' }, { limit: 5 });
    expect(result).toEqual({ items: [], next: null });
  });

  it('refuses a cursor that is not a seq and a limit below one', async () => {
    await expect(read({ after: "1' or true", limit: 2 })).rejects.toBeInstanceOf(InvalidAuditPageError);
    await expect(read({ after: '9223372036854775808', limit: 2 })).rejects.toThrow(/not a seq/);
    await expect(read({ limit: 0 })).rejects.toMatchObject({ code: 'audit-page-invalid' });
  });
});
