import { forSuite } from '@interscambio/testing';
import { startTributi } from '../test/tributi-test-app';

const url = '/tributi/v1/records/posizione-debitoria/082053/H-1';
const posizione = (importo: number): object => ({
  contribuente: { partitaIva: '06123450824' },
  tributo: 'CUP',
  anno: 2024,
  importo,
  scadenza: '2024-07-31',
  stato: 'emessa',
});

/** An instant strictly after the last write and before the next one. */
async function instant(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const at = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return at;
}

describe('the history of a record: revisions and as-of reads', () => {
  const t = forSuite(() => startTributi('tributi_history'));
  const at: Record<string, string> = {};

  beforeAll(async () => {
    at['before'] = await instant();
    await t.call('082053', { method: 'PUT', url, payload: posizione(100) });
    at['created'] = await instant();
    await t.call('082053', { method: 'PUT', url, payload: posizione(200) });
    at['updated'] = await instant();
    await t.call('082053', { method: 'PUT', url, payload: { ...posizione(200), stato: 'pagata' } });
    at['updatedTwice'] = await instant();
    expect((await t.call('082053', { method: 'DELETE', url })).statusCode).toBe(204);
    at['deleted'] = await instant();
  });

  const asOf = (instant: string, ente = '082053') =>
    t.call(ente, { method: 'GET', url: `${url}?asOf=${encodeURIComponent(instant)}` });

  it('returns the revision current at each instant around two updates and a delete', async () => {
    const first = await asOf(at['created'] as string);
    expect([first.statusCode, first.headers.etag, first.json()]).toEqual([200, '"1"', posizione(100)]);
    const second = await asOf(at['updated'] as string);
    expect([second.statusCode, second.headers.etag, second.json()]).toEqual([200, '"2"', posizione(200)]);
    const third = await asOf(at['updatedTwice'] as string);
    expect([third.headers.etag, third.json()]).toEqual(['"3"', { ...posizione(200), stato: 'pagata' }]);
  });

  it('answers 404 with the deletion time after the delete, and a plain 404 before the record existed', async () => {
    const gone = await asOf(at['deleted'] as string);
    expect(gone.statusCode).toBe(404);
    const problem = gone.json<{ code: string; deletedAt: string }>();
    expect(problem.code).toBe('record-deleted');
    expect(Date.parse(problem.deletedAt)).toBeGreaterThan(Date.parse(at['updatedTwice'] as string));
    expect(Date.parse(problem.deletedAt)).toBeLessThan(Date.parse(at['deleted'] as string));
    expect((await asOf(at['before'] as string)).json()).toMatchObject({ code: 'record-not-found' });
  });

  it('lists the revisions with their writer, time and a JSON Patch from the previous one', async () => {
    const res = await t.call('082053', { method: 'GET', url: `${url}/revisions` });
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: { revision: number; operation: string; by: unknown; patch: unknown[] }[] }>();
    expect(items.map((i) => [i.revision, i.operation])).toEqual([
      [1, 'created'],
      [2, 'updated'],
      [3, 'updated'],
      [4, 'deleted'],
    ]);
    expect(items[0]?.by).toEqual({ clientId: expect.any(String), ente: '082053' });
    expect(items[1]?.patch).toEqual([{ op: 'replace', path: '/importo', value: 200 }]);
    expect(items[2]?.patch).toEqual([{ op: 'replace', path: '/stato', value: 'pagata' }]);
    expect(items[3]?.patch).toEqual(expect.arrayContaining([{ op: 'remove', path: '/importo' }]));
  });

  it('keeps a riservato record’s history from an ente without an agreement, as its current state', async () => {
    expect((await t.call('082006', { method: 'GET', url: `${url}/revisions` })).statusCode).toBe(404);
    expect((await asOf(at['created'] as string, '082006')).statusCode).toBe(404);
  });

  it('refuses an asOf that is not an RFC 3339 date-time', async () => {
    const res = await asOf('ieri');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid-query' });
  });
});
