import { forSuite } from '@interscambio/testing';
import { startTributiWithEvents } from '../test/tributi-test-app';

const posizione = {
  contribuente: { codiceFiscale: 'RSSMRA80A01G273Z', denominazione: 'Rossi Mario' },
  tributo: 'TARI',
  anno: 2024,
  importo: 28750,
  scadenza: '2024-12-16',
  stato: 'emessa',
};
const url = (key: string): string => `/tributi/v1/records/posizione-debitoria/082053/${key}`;

describe('writing a record: PUT, GET, DELETE and their events', () => {
  const t = forSuite(() => startTributiWithEvents('tributi_write'));

  it('creates with 201, ignores an identical PUT, and makes revision 2 of a changed one — one event each change', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const created = await t.call('082053', {
      method: 'PUT',
      url: url('TARI-2024-1'),
      headers: { traceparent },
      payload: posizione,
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toEqual(posizione);

    const [first] = await t.events.waitFor(1, (e) => e.subject === 'TARI-2024-1');
    expect(first).toMatchObject({
      specversion: '1.0',
      type: 'it.interscambio.tributi.posizione-debitoria.created',
      source: '/enti/082053',
      subject: 'TARI-2024-1',
      dataschema: 'https://interscambio.cittametropolitana.pa.it/tributi/v1/schemas/posizione-debitoria/1',
      topic: t.topic('posizione-debitoria'),
      key: '082053/TARI-2024-1',
      data: posizione,
    });
    expect(first?.headers).toMatchObject({ ce_visibility: 'riservato', ce_revision: '1' });
    expect(first?.extensions['traceparent']).toBe(traceparent);
    expect(first?.headers['ce_correlationid']).toBe(created.headers['x-correlation-id']);
    expect(first?.headers['ce_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.time).toBeDefined();

    const same = await t.call('082053', { method: 'PUT', url: url('TARI-2024-1'), payload: { ...posizione } });
    expect(same.statusCode).toBe(200);
    expect(same.headers.etag).toBe('"1"');

    const changed = await t.call('082053', {
      method: 'PUT',
      url: url('TARI-2024-1'),
      payload: { ...posizione, stato: 'pagata', importoPagato: 28750 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');

    // One record's events share a partition, in order: had the identical PUT sent one, it would come before this.
    const all = await t.events.waitFor(2, (e) => e.subject === 'TARI-2024-1');
    expect(all.map((e) => [e.type, e.headers['ce_revision']])).toEqual([
      ['it.interscambio.tributi.posizione-debitoria.created', '1'],
      ['it.interscambio.tributi.posizione-debitoria.updated', '2'],
    ]);
    expect(all[1]?.data).toMatchObject({ stato: 'pagata' });
  });

  it('reads a record with its ETag and answers 304 to a matching If-None-Match', async () => {
    await t.call('082053', {
      method: 'PUT',
      url: url('IMU-2023-7'),
      payload: { ...posizione, tributo: 'IMU', anno: 2023 },
    });
    const read = await t.call('082053', { method: 'GET', url: url('IMU-2023-7') });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toMatchObject({ tributo: 'IMU', anno: 2023 });
    const again = await t.call('082053', {
      method: 'GET',
      url: url('IMU-2023-7'),
      headers: { 'if-none-match': '"1"' },
    });
    expect(again.statusCode).toBe(304);
  });

  it('refuses a write whose If-Match is not the current revision with 412, and applies one that is', async () => {
    const putIfMatch = (key: string, ifMatch: string, payload: object) =>
      t.call('082053', { method: 'PUT', url: url(key), headers: { 'if-match': ifMatch }, payload });
    await t.call('082053', { method: 'PUT', url: url('CUP-1'), payload: posizione });
    const stale = await putIfMatch('CUP-1', '"7"', { ...posizione, importo: 1 });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const onNew = await putIfMatch('CUP-404', '"1"', posizione);
    expect(onNew.statusCode).toBe(412);
    const fresh = await putIfMatch('CUP-1', '"1"', { ...posizione, importo: 1 });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe('"2"');
  });

  it('answers a replayed Idempotency-Key with the first answer and refuses the key for another request', async () => {
    const headers = { 'idempotency-key': 'gestionale-42' };
    const first = await t.call('082053', { method: 'PUT', url: url('TASI-9'), headers, payload: posizione });
    const replay = await t.call('082053', { method: 'PUT', url: url('TASI-9'), headers, payload: posizione });
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers.etag).toBe(first.headers.etag);
    expect(replay.headers['idempotency-replayed']).toBe('true');

    const reused = await t.call('082053', {
      method: 'PUT',
      url: url('TASI-9'),
      headers,
      payload: { ...posizione, importo: 5 },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency-key-reused' });
    const { rows } = await t.sql.query(`select revision from record where key = 'TASI-9'`);
    expect(rows).toEqual([{ revision: 1 }]);
  });

  it('deletes with a tombstone: next revision, a deleted event, 404 afterwards', async () => {
    await t.call('082053', { method: 'PUT', url: url('TARI-DEL'), payload: posizione });
    const deleted = await t.call('082053', { method: 'DELETE', url: url('TARI-DEL') });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.headers.etag).toBe('"2"');
    expect((await t.call('082053', { method: 'GET', url: url('TARI-DEL') })).statusCode).toBe(404);
    expect((await t.call('082053', { method: 'DELETE', url: url('TARI-DEL') })).statusCode).toBe(404);

    const [, tombstone] = await t.events.waitFor(2, (e) => e.subject === 'TARI-DEL');
    expect(tombstone).toMatchObject({ type: 'it.interscambio.tributi.posizione-debitoria.deleted', data: null });
    expect(tombstone?.headers['ce_revision']).toBe('2');
  });
});
