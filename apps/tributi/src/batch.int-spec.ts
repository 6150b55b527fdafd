import type { BatchItemResult } from '@interscambio/exchange';
import { forSuite } from '@interscambio/testing';
import { startTributiWithEvents } from '../test/tributi-test-app';

const url = '/tributi/v1/records/posizione-debitoria/batch';
const posizione = (n: number): object => ({
  contribuente: { partitaIva: '06123450824' },
  tributo: 'CUP',
  anno: 2024,
  importo: 1000 + n,
  scadenza: '2024-07-31',
  stato: 'emessa',
});

describe('writing many records in one batch', () => {
  const t = forSuite(() => startTributiWithEvents('tributi_batch'));

  it('stores 1,000 valid records in one call, each with revision 1 and one event', async () => {
    const items = Array.from({ length: 1000 }, (_, n) => ({ ente: '082053', key: `CUP-${n}`, data: posizione(n) }));
    const res = await t.call('082053', { method: 'POST', url, payload: { items } });
    expect(res.statusCode).toBe(200);
    const results = res.json<{ items: BatchItemResult[] }>().items;
    expect(results).toHaveLength(1000);
    expect(
      results.every((r, i) => r.index === i && r.status === 201 && r.outcome === 'created' && r.revision === 1),
    ).toBe(true);

    const { rows } = await t.sql.query(
      `select count(*)::int as n, count(distinct feed_position)::int as positions from record where key like 'CUP-%'`,
    );
    expect(rows[0]).toEqual({ n: 1000, positions: 1000 });
    const published = await t.events.waitFor(1000, (e) => e.subject?.startsWith('CUP-') ?? false);
    expect(new Set(published.map((e) => e.subject)).size).toBe(1000);
  });

  it('reports each invalid or foreign-ente item with its errors and stores the valid ones around it', async () => {
    const items = [
      { ente: '082006', key: 'MIX-1', data: posizione(1) },
      { ente: '82006', key: 'MIX-2', data: posizione(2) },
      { ente: '082006', key: 'MIX-3', data: { ...posizione(3), anno: 'duemila' } },
      { ente: '082006', key: 'MIX-4', data: { ...posizione(4), contribuente: { partitaIva: '06123450825' } } },
      { ente: '082006', key: 'MIX-1', data: posizione(5) },
      { ente: '082006', key: 'CUP-UNCHANGED', data: posizione(6) },
      { ente: '082053', key: 'MIX-FOREIGN', data: posizione(7) },
    ];
    await t.call('082006', {
      method: 'PUT',
      url: '/tributi/v1/records/posizione-debitoria/082006/CUP-UNCHANGED',
      payload: posizione(6),
    });
    const res = await t.call('082006', { method: 'POST', url, payload: { items } });
    expect(res.statusCode).toBe(200);
    const results = res.json<{ items: BatchItemResult[] }>().items;
    expect(results.map((r) => [r.index, r.status, r.outcome])).toEqual([
      [0, 201, 'created'],
      [1, 422, 'rejected'],
      [2, 422, 'rejected'],
      [3, 422, 'rejected'],
      [4, 422, 'rejected'],
      [5, 200, 'unchanged'],
      [6, 403, 'rejected'],
    ]);
    expect(results[1]?.errors).toEqual([expect.objectContaining({ pointer: '/ente' })]);
    expect(results[2]?.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ pointer: '/data/anno', keyword: 'type' })]),
    );
    expect(results[3]?.errors).toEqual([
      expect.objectContaining({ pointer: '/data/contribuente/partitaIva', keyword: 'partitaIva' }),
    ]);
    expect(results[4]?.errors).toEqual([expect.objectContaining({ pointer: '/key' })]);
    expect(results[6]?.errors).toEqual([
      expect.objectContaining({ pointer: '/ente', message: expect.stringContaining('ente 082006 only') }),
    ]);

    const { rows } = await t.sql.query(`select key, revision from record where ente = '082006' order by key`);
    expect(rows).toEqual([
      { key: 'CUP-UNCHANGED', revision: 1 },
      { key: 'MIX-1', revision: 1 },
    ]);
  });

  it('refuses an empty batch and one over 1,000 items with 422, storing nothing', async () => {
    const before = await t.sql.query('select count(*)::int as n from record');
    expect((await t.call('082053', { method: 'POST', url, payload: { items: [] } })).statusCode).toBe(422);
    const tooMany = Array.from({ length: 1001 }, (_, n) => ({ ente: '082053', key: `BIG-${n}`, data: posizione(n) }));
    const res = await t.call('082053', { method: 'POST', url, payload: { items: tooMany } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ errors: [{ pointer: '/items', keyword: 'maxItems' }] });
    expect((await t.sql.query('select count(*)::int as n from record')).rows).toEqual(before.rows);
  });
});
