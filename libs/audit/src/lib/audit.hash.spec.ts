import { createHash } from 'node:crypto';
import { AUDIT_GENESIS_HASH, auditHash } from './audit.hash';
import type { HashedFields } from './audit.hash';

const entry: HashedFields = {
  seq: '7',
  at: '2026-12-01T09:30:00.123Z',
  clientId: 'sociale-cartella-082053',
  ente: '082053',
  action: 'read',
  recordType: 'presa-in-carico',
  recordEnte: '082001',
  recordKey: 'pic-42',
  revision: 3,
  agreementId: 'acc-2026-17',
  purpose: 'continuita-assistenziale',
  correlationId: '0193a3c0-0000-7000-8000-000000000001',
};

const changes: Partial<Record<keyof HashedFields, unknown>> = {
  seq: '8',
  at: '2026-12-01T09:30:00.124Z',
  clientId: 'altro-client',
  ente: '082001',
  action: 'updated',
  recordType: 'intervento',
  recordEnte: '082053',
  recordKey: 'pic-43',
  revision: null,
  agreementId: null,
  purpose: 'statistica',
  correlationId: 'other',
};

describe('auditHash', () => {
  it('is the same hex SHA-256 for the same previous hash and fields', () => {
    const hash = auditHash(AUDIT_GENESIS_HASH, entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(AUDIT_GENESIS_HASH, { ...entry })).toBe(hash);
  });

  it('does not depend on the order the fields were given in', () => {
    const reversed = Object.fromEntries(Object.entries(entry).reverse()) as unknown as HashedFields;
    expect(auditHash(AUDIT_GENESIS_HASH, reversed)).toBe(auditHash(AUDIT_GENESIS_HASH, entry));
  });

  it.each(Object.entries(changes))('changes when %s changes', (field, value) => {
    const changed = { ...entry, [field]: value } as HashedFields;
    expect(auditHash(AUDIT_GENESIS_HASH, changed)).not.toBe(auditHash(AUDIT_GENESIS_HASH, entry));
  });

  it('hashes an entry without fields exactly as before fields existed, and one with them differently', () => {
    expect(auditHash(AUDIT_GENESIS_HASH, { ...entry, fields: null })).toBe(auditHash(AUDIT_GENESIS_HASH, entry));
    const shown = auditHash(AUDIT_GENESIS_HASH, { ...entry, fields: ['/stato'] });
    expect(shown).not.toBe(auditHash(AUDIT_GENESIS_HASH, entry));
    expect(shown).not.toBe(auditHash(AUDIT_GENESIS_HASH, { ...entry, fields: ['/stato', '/periodo'] }));
  });

  it('changes when the previous hash changes', () => {
    expect(auditHash('f'.repeat(64), entry)).not.toBe(auditHash(AUDIT_GENESIS_HASH, entry));
  });

  it('treats a missing agreement or purpose as null', () => {
    const withNulls = { ...entry, agreementId: null, purpose: null };
    const without: HashedFields = { ...entry };
    delete without.agreementId;
    delete without.purpose;
    expect(auditHash(AUDIT_GENESIS_HASH, without)).toBe(auditHash(AUDIT_GENESIS_HASH, withNulls));
    expect(auditHash(AUDIT_GENESIS_HASH, { ...entry, agreementId: undefined, purpose: undefined })).toBe(
      auditHash(AUDIT_GENESIS_HASH, withNulls),
    );
  });

  it('hashes the previous hash, a newline and the fields as JSON in their fixed order', () => {
    const canonical =
      '{"seq":"7","at":"2026-12-01T09:30:00.123Z","clientId":"sociale-cartella-082053","ente":"082053",' +
      '"action":"read","recordType":"presa-in-carico","recordEnte":"082001","recordKey":"pic-42","revision":3,' +
      '"agreementId":"acc-2026-17","purpose":"continuita-assistenziale",' +
      '"correlationId":"0193a3c0-0000-7000-8000-000000000001"}';
    const expected = createHash('sha256').update(`${AUDIT_GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(auditHash(AUDIT_GENESIS_HASH, entry)).toBe(expected);
  });

  it('does not let a value spill into the next field', () => {
    const a = { ...entry, recordEnte: '082001', recordKey: 'x' };
    const b = { ...entry, recordEnte: '082001","recordKey":"x', recordKey: '' };
    expect(auditHash(AUDIT_GENESIS_HASH, a)).not.toBe(auditHash(AUDIT_GENESIS_HASH, b));
  });
});
