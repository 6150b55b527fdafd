import type { Scope } from '@interscambio/access';
import type { AuditEntry, AuditVerification } from '@interscambio/audit';
import { forSuite } from '@interscambio/testing';
import { agreementState } from '../../../test/agreement-publisher';
import { startProvaTestAppWithAgreements } from '../../../test/prova-test-app';
import { AuditAnchors } from './audit-anchors';
import { AuditSealerLifecycle } from './audit-sealer.lifecycle';
import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

const PURPOSE = 'presa in carico congiunta';
const FASCICOLO_AGREEMENT = 'acc-audit-fascicolo';

type Response = Awaited<ReturnType<ThemeTestApp['app']['inject']>>;

describe('audit trail: every write and every read of personale data, in a chain that shows tampering', () => {
  const t = forSuite(() => startProvaTestAppWithAgreements('access_audit'));

  beforeAll(async () => {
    await t.publishAgreements(
      agreementState({
        id: FASCICOLO_AGREEMENT,
        consumer: '082006',
        publisher: '082053',
        type: 'fascicolo',
        purpose: PURPOSE,
      }),
      agreementState({ id: 'acc-audit-pratica', consumer: '082006', publisher: '082053', type: 'pratica' }),
    );
  });

  const as = (ente: string, scopes: Scope[], correlationId?: string): Record<string, string> => ({
    ...t.as(ente, scopes),
    ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
  });
  const writer = (correlationId: string): Record<string, string> =>
    as('082053', ['records:read', 'records:write'], correlationId);
  const reader = (ente: string, correlationId?: string): Record<string, string> =>
    as(ente, ['records:read'], correlationId);

  function ok(res: Response, status = 200): Response {
    if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
    return res;
  }

  async function trail(record: string, headers: Record<string, string>): Promise<Response> {
    return t.app.inject({ method: 'GET', url: `${PROVA_BASE}/audit?record=${record}`, headers });
  }

  /** Sealed entries, once everything committed so far is sealed. */
  async function entries(where = 'true', values: unknown[] = []): Promise<number> {
    await t.app.get(AuditSealerLifecycle).sealNow();
    const { rows } = await t.sql.query<{ n: number }>(
      `select count(*)::int as n from audit_entry where ${where}`,
      values,
    );
    return rows[0]?.n ?? -1;
  }

  /** GET /audit/verify as the operator, which must answer 200. */
  const verifyAsOperator = async (): Promise<Response> =>
    ok(await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/audit/verify`, headers: as('082000', ['operator']) }));

  /** Runs `statements` on one session of the service's schema, as someone with its password could. */
  async function behindTheServicesBack(statements: [string, unknown[]?][]): Promise<void> {
    const client = await t.sql.connect();
    try {
      for (const [sql, values] of statements) await client.query(sql, values);
    } finally {
      client.release();
    }
  }

  const put = (type: string, key: string, payload: Record<string, unknown>, correlationId: string): Promise<Response> =>
    t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/${type}/082053/${key}`,
      headers: writer(correlationId),
      payload,
    });

  it('appends one entry per change — created, updated, deleted — naming the client, its ente, the revision and the correlation id', async () => {
    ok(await put('fascicolo', 'fa-scritture', { anno: 2024 }, 'corr-crea'), 201);
    ok(await put('fascicolo', 'fa-scritture', { anno: 2025 }, 'corr-modifica'));
    // Same content again: nothing changes, so nothing is appended.
    ok(await put('fascicolo', 'fa-scritture', { anno: 2025 }, 'corr-invariato'));
    ok(
      await t.app.inject({
        method: 'DELETE',
        url: `${PROVA_BASE}/records/fascicolo/082053/fa-scritture`,
        headers: writer('corr-cancella'),
      }),
      204,
    );

    const res = ok(await trail('fascicolo/082053/fa-scritture', reader('082053')));
    const items = res.json<{ items: AuditEntry[] }>().items;
    const common = {
      clientId: 'test-082053',
      ente: '082053',
      recordType: 'fascicolo',
      recordEnte: '082053',
      recordKey: 'fa-scritture',
      agreementId: null,
      purpose: null,
    };
    expect(items).toEqual([
      expect.objectContaining({ ...common, action: 'created', revision: 1, correlationId: 'corr-crea' }),
      expect.objectContaining({ ...common, action: 'updated', revision: 2, correlationId: 'corr-modifica' }),
      expect.objectContaining({ ...common, action: 'deleted', revision: 3, correlationId: 'corr-cancella' }),
    ]);
    const seqs = items.map((i) => BigInt(i.seq));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
  });

  it('appends an entry for each record a batch writes', async () => {
    const res = ok(
      await t.app.inject({
        method: 'POST',
        url: `${PROVA_BASE}/records/avviso/batch`,
        headers: writer('corr-lotto'),
        payload: {
          items: [
            { ente: '082053', key: 'av-lotto-1', data: { anno: 2024 } },
            { ente: '082053', key: 'av-lotto-2', data: { anno: 2024 } },
          ],
        },
      }),
    );
    expect(res.json<{ items: { status: number }[] }>().items.map((i) => i.status)).toEqual([201, 201]);
    const items = ok(await trail('avviso/082053/av-lotto-2', reader('082053'))).json<{ items: AuditEntry[] }>().items;
    expect(items).toEqual([
      expect.objectContaining({ action: 'created', ente: '082053', revision: 1, correlationId: 'corr-lotto' }),
    ]);
    expect(await entries("correlation_id = 'corr-lotto'")).toBe(2);
  });

  it('appends a read entry for each personale record shown, by GET, list and feed, with the agreement and purpose that allowed it', async () => {
    ok(await put('fascicolo', 'fa-letture', { anno: 2024 }, 'corr-letture'), 201);
    const reads = (ente: string): Promise<number> => entries("action = 'read' and ente = $1", [ente]);

    ok(
      await t.app.inject({
        method: 'GET',
        url: `${PROVA_BASE}/records/fascicolo/082053/fa-letture`,
        headers: reader('082053', 'corr-proprio'),
      }),
    );
    ok(
      await t.app.inject({
        method: 'GET',
        url: `${PROVA_BASE}/records/fascicolo/082053/fa-letture`,
        headers: reader('082006', 'corr-accordo'),
      }),
    );
    const trailItems = ok(await trail('fascicolo/082053/fa-letture', reader('082053'))).json<{ items: AuditEntry[] }>()
      .items;
    expect(trailItems.slice(1)).toEqual([
      expect.objectContaining({
        action: 'read',
        clientId: 'test-082053',
        ente: '082053',
        revision: 1,
        agreementId: null,
        purpose: null,
        correlationId: 'corr-proprio',
      }),
      expect.objectContaining({
        action: 'read',
        clientId: 'test-082006',
        ente: '082006',
        recordEnte: '082053',
        recordKey: 'fa-letture',
        revision: 1,
        agreementId: FASCICOLO_AGREEMENT,
        purpose: PURPOSE,
        correlationId: 'corr-accordo',
      }),
    ]);

    const beforeList = await reads('082006');
    const list = ok(
      await t.app.inject({
        method: 'GET',
        url: `${PROVA_BASE}/records/fascicolo`,
        headers: reader('082006', 'corr-lista'),
      }),
    ).json<{ items: unknown[] }>().items;
    expect(list).toHaveLength(1);
    expect(await reads('082006')).toBe(beforeList + list.length);
    expect(
      await entries("correlation_id = 'corr-lista' and agreement_id = $1 and purpose = $2", [
        FASCICOLO_AGREEMENT,
        PURPOSE,
      ]),
    ).toBe(1);

    const beforeFeed = await reads('082006');
    const feed = ok(
      await t.app.inject({
        method: 'GET',
        url: `${PROVA_BASE}/feed?types=fascicolo`,
        headers: reader('082006', 'corr-feed'),
      }),
    ).json<{ items: unknown[] }>().items;
    // fa-scritture created, updated, deleted; fa-letture created.
    expect(feed).toHaveLength(4);
    expect(await reads('082006')).toBe(beforeFeed + feed.length);
    expect(await entries("correlation_id = 'corr-feed' and agreement_id = $1", [FASCICOLO_AGREEMENT])).toBe(4);
  });

  it('audits a conditional GET of a personale record answered 304: it confirms the caller holds the data', async () => {
    const url = `${PROVA_BASE}/records/fascicolo/082053/fa-letture`;
    const before = await entries("action = 'read' and correlation_id = 'corr-304'");
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { ...reader('082006', 'corr-304'), 'if-none-match': '"1"' },
    });
    expect(res.statusCode).toBe(304);
    expect(
      await entries("action = 'read' and correlation_id = 'corr-304' and agreement_id = $1", [FASCICOLO_AGREEMENT]),
    ).toBe(before + 1);
  });

  it('appends nothing for a personale read that is refused', async () => {
    const before = await entries();
    const res = await t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/records/fascicolo/082053/fa-letture`,
      headers: reader('083048'),
    });
    expect(res.statusCode).toBe(404);
    ok(await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/records/fascicolo`, headers: reader('083048') }));
    ok(await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/feed`, headers: reader('083048') }));
    expect(await entries()).toBe(before);
  });

  it('appends nothing for reads of pubblico and riservato records, by the publisher or through an agreement', async () => {
    ok(await put('avviso', 'av-letto', { anno: 2024 }, 'corr-av'), 201);
    ok(await put('pratica', 'pr-letta', { anno: 2024 }, 'corr-pr'), 201);
    const before = await entries();
    for (const ente of ['082053', '082006']) {
      const headers = reader(ente);
      for (const url of [
        `${PROVA_BASE}/records/avviso/082053/av-letto`,
        `${PROVA_BASE}/records/pratica/082053/pr-letta`,
      ])
        ok(await t.app.inject({ method: 'GET', url, headers }));
      for (const url of [
        `${PROVA_BASE}/records/avviso`,
        `${PROVA_BASE}/records/pratica`,
        `${PROVA_BASE}/feed?types=avviso,pratica`,
      ]) {
        const items = ok(await t.app.inject({ method: 'GET', url, headers })).json<{ items: unknown[] }>().items;
        expect({ ente, url, shown: items.length > 0 }).toEqual({ ente, url, shown: true });
      }
    }
    expect(await entries()).toBe(before);
  });

  it('shows a record’s trail to its publishing ente and to an operator, to nobody else', async () => {
    const record = 'fascicolo/082053/fa-letture';
    const own = ok(await trail(record, reader('082053'))).json<{ items: AuditEntry[] }>();
    expect(own.items.length).toBeGreaterThan(1);
    expect(ok(await trail(record, as('082000', ['operator']))).json()).toEqual(own);

    for (const headers of [reader('082006'), as('082006', ['records:read', 'records:write']), reader('082000')]) {
      const res = await trail(record, headers);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'audit-not-yours' });
    }
    // Not even whether a record has a trail: one nobody wrote is refused alike.
    expect((await trail('fascicolo/082053/mai-scritto', reader('082006'))).json()).toMatchObject({
      code: 'audit-not-yours',
    });
    const writeOnly = await trail(record, as('082053', ['records:write']));
    expect(writeOnly.statusCode).toBe(403);
    expect(writeOnly.json()).toMatchObject({ code: 'insufficient-scope' });
  });

  it('verifies the whole chain for an operator only', async () => {
    for (const headers of [reader('082053'), as('082000', ['records:read', 'records:write'])]) {
      const res = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/audit/verify`, headers });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'insufficient-scope' });
    }
    const res = await verifyAsOperator();
    const total = await entries();
    expect(res.json()).toMatchObject({
      intact: true,
      entries: total,
      pending: 0,
      head: { seq: String(total), hash: expect.any(String) },
    });
    expect(res.json()).not.toHaveProperty('firstBroken');
  });

  it('detects a tail cut off with its head moved back, once the head was anchored on Kafka', async () => {
    ok(await put('avviso', 'coda-1', { anno: 2024 }, 'corr-coda-1'), 201);
    ok(await put('avviso', 'coda-2', { anno: 2024 }, 'corr-coda-2'), 201);
    const total = await entries();
    const anchors = t.app.get(AuditAnchors);
    for (let i = 0; anchors.latest()?.seq !== String(total); i++) {
      if (i > 300) throw new Error('the head was not anchored within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Behind the database's back: the last two entries go, and the head is moved to the one before.
    await behindTheServicesBack([
      ['set session_replication_role = replica'],
      ['delete from audit_entry where seq > $1', [total - 2]],
      ['update audit_head set seq = seq - 2, hash = (select hash from audit_entry where seq = $1)', [total - 2]],
      ['reset session_replication_role'],
    ]);

    const res = await verifyAsOperator();
    expect(res.json<AuditVerification>()).toMatchObject({
      intact: false,
      anchor: { seq: String(total) },
      firstBroken: { seq: String(total), reason: 'anchor-mismatch' },
    });
  });

  it('refuses to change an entry while the append-only trigger is on', async () => {
    await expect(t.sql.query("update audit_entry set purpose = 'curiosità' where seq = 1")).rejects.toThrow(
      /append-only/,
    );
  });

  it('reports exactly the altered entry as hash-mismatch when a row is rewritten behind the trigger’s back', async () => {
    const { rows } = await t.sql.query<{ seq: string }>(
      "select seq::text as seq from audit_entry where correlation_id = 'corr-accordo' and action = 'read'",
    );
    const seq = (rows[0] as { seq: string }).seq;
    const total = await entries();
    expect(BigInt(seq)).toBeLessThan(BigInt(total));

    await behindTheServicesBack([
      ['alter table audit_entry disable trigger audit_entry_append_only'],
      ["update audit_entry set purpose = 'curiosità' where seq = $1", [seq]],
      ['alter table audit_entry enable trigger audit_entry_append_only'],
    ]);

    const res = await verifyAsOperator();
    expect(res.json<AuditVerification>()).toMatchObject({
      intact: false,
      entries: Number(seq) - 1,
      head: { seq: String(total), hash: expect.any(String) },
      firstBroken: { seq, reason: 'hash-mismatch', detail: expect.any(String) },
    });
  });
});
