import { forSuite } from '@interscambio/testing';
import { agreementState } from '../../../test/agreement-publisher';
import { startProvaTestAppWithAgreements } from '../../../test/prova-test-app';
import { AuditSealerLifecycle } from '../trail/audit-sealer.lifecycle';
import { PROVA_BASE } from '../../../test/prova-theme';

const DOCUMENT = { anno: 2024, nota: 'motivo riservato' };

describe('personale reads through an agreement show only the fields it names', () => {
  const t = forSuite(() => startProvaTestAppWithAgreements('minimisation'));

  beforeAll(async () => {
    const purpose = 'continuità del fascicolo';
    await t.publishAgreements(
      // Bagheria may see the year only; Monreale's agreement names no fields (as the registry never
      // issues for personale data), so it opens nothing.
      agreementState({
        id: 'acc-anno',
        consumer: '082006',
        publisher: '082053',
        type: 'fascicolo',
        purpose,
        fields: ['/anno'],
      }),
      agreementState({
        id: 'acc-senza',
        consumer: '082049',
        publisher: '082053',
        type: 'fascicolo',
        purpose,
        fields: null,
      }),
    );
    const put = await t.call('082053', {
      method: 'PUT',
      url: `${PROVA_BASE}/records/fascicolo/082053/fa-1`,
      payload: DOCUMENT,
    });
    expect(put.statusCode).toBe(201);
  });

  const read = (ente: string, url: string) => t.call(ente, { method: 'GET', url: `${PROVA_BASE}${url}` });

  it('shows the consumer the named fields only, by GET, list and feed', async () => {
    expect((await read('082006', '/records/fascicolo/082053/fa-1')).json()).toEqual({ anno: 2024 });
    const list = (await read('082006', '/records/fascicolo')).json<{ items: { key: string; data: unknown }[] }>();
    expect(list.items.map((i) => [i.key, i.data])).toEqual([['fa-1', { anno: 2024 }]]);
    const feed = (await read('082006', '/feed?types=fascicolo')).json<{ items: { key: string; data: unknown }[] }>();
    expect(feed.items.map((i) => [i.key, i.data])).toEqual([['fa-1', { anno: 2024 }]]);
  });

  it('shows the publisher everything, and nothing through an agreement that names no fields', async () => {
    expect((await read('082053', '/records/fascicolo/082053/fa-1')).json()).toEqual(DOCUMENT);
    expect((await read('082049', '/records/fascicolo/082053/fa-1')).statusCode).toBe(404);
    expect((await read('082049', '/feed?types=fascicolo')).json()).toMatchObject({ items: [] });
  });

  it('writes in the audit trail which fields left with each read', async () => {
    await t.app.get(AuditSealerLifecycle).sealNow();
    const { rows } = await t.sql.query<{ ente: string; fields: string[] | null }>(
      `select ente, fields from audit_entry where action = 'read' and record_key = 'fa-1' order by seq`,
    );
    expect(rows.filter((r) => r.ente === '082006').map((r) => r.fields)).toEqual([['/anno'], ['/anno'], ['/anno']]);
    expect(rows.filter((r) => r.ente === '082053').map((r) => r.fields)).toEqual([null]);
  });
});
