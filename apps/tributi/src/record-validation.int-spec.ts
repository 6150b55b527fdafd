import { forSuite } from '@interscambio/testing';
import { startTributiWithEvents } from '../test/tributi-test-app';

const valid = {
  contribuente: { codiceFiscale: 'LNZGPP75M12A546M' },
  tributo: 'IMU',
  anno: 2023,
  importo: 41200,
  scadenza: '2023-06-16',
  stato: 'emessa',
};
const path = '/tributi/v1/records/posizione-debitoria/082006/IMU-2023-000412';

interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  json<T>(): T;
}

function expectProblem(res: Answer, status: number, code: string): Record<string, unknown> {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = res.json<Record<string, unknown>>();
  expect(problem).toMatchObject({ status, code, type: `urn:interscambio:problem:${code}` });
  expect(problem['correlationId']).toBe(res.headers['x-correlation-id']);
  return problem;
}

describe('refusing bad requests with problem+json, storing and publishing nothing', () => {
  const t = forSuite(() => startTributiWithEvents('tributi_validation'));

  const withoutContribuente = Object.fromEntries(Object.entries(valid).filter(([k]) => k !== 'contribuente'));
  it.each([
    ['a wrong type', { ...valid, anno: '2023' }, '/anno', 'type'],
    ['a missing required field', withoutContribuente, '/contribuente', 'required'],
    ['an extra field', { ...valid, colore: 'rosso' }, '/colore', 'additionalProperties'],
    ['a bad date', { ...valid, scadenza: '2023-02-30' }, '/scadenza', 'format'],
    [
      'a codice fiscale with a wrong check character',
      { ...valid, contribuente: { codiceFiscale: 'LNZGPP75M12A546A' } },
      '/contribuente/codiceFiscale',
      'codiceFiscale',
    ],
    [
      'a partita IVA with a wrong check digit',
      { ...valid, contribuente: { partitaIva: '06123450825' } },
      '/contribuente/partitaIva',
      'partitaIva',
    ],
  ])('answers 422 to %s, pointing at the field', async (_name, payload, pointer, keyword) => {
    const problem = expectProblem(
      await t.call('082006', { method: 'PUT', url: path, payload }),
      422,
      'validation-failed',
    );
    expect(problem['errors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ pointer, keyword, message: expect.any(String) })]),
    );
  });

  it('answers 400 to malformed JSON, and to a PUT without a body (a DELETE may send the content type alone)', async () => {
    const headers = { 'content-type': 'application/json' };
    expectProblem(
      await t.call('082006', { method: 'PUT', url: path, headers, payload: '{"anno": 20' }),
      400,
      'malformed-json',
    );
    expectProblem(await t.call('082006', { method: 'PUT', url: path, headers, payload: '' }), 400, 'body-required');
  });

  it('answers 413 to a 5 MB body', async () => {
    const payload = JSON.stringify({ ...valid, descrizione: 'x'.repeat(5 * 1024 * 1024) });
    expectProblem(
      await t.call('082006', { method: 'PUT', url: path, headers: { 'content-type': 'application/json' }, payload }),
      413,
      'body-too-large',
    );
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
    'answers 415 to a body of type %s',
    async (type) => {
      expectProblem(
        await t.call('082006', {
          method: 'PUT',
          url: path,
          headers: { 'content-type': type },
          payload: JSON.stringify(valid),
        }),
        415,
        'unsupported-media-type',
      );
    },
  );

  it('answers 400 to an ente that is not a 6-digit ISTAT code and 404 to an unknown type or route', async () => {
    expectProblem(
      await t.call('082006', {
        method: 'PUT',
        url: '/tributi/v1/records/posizione-debitoria/82006/K1',
        payload: valid,
      }),
      400,
      'invalid-ente',
    );
    expectProblem(
      await t.call('082006', { method: 'PUT', url: '/tributi/v1/records/multa/082006/K1', payload: valid }),
      404,
      'unknown-record-type',
    );
    expectProblem(await t.call('082006', { method: 'GET', url: '/tributi/v1/nowhere' }), 404, 'not-found');
    expectProblem(await t.call('082006', { method: 'GET', url: '/elsewhere' }), 404, 'not-found');
  });

  it('echoes the caller’s X-Correlation-ID and makes one up when there is none', async () => {
    const given = await t.call('082006', {
      method: 'GET',
      url: '/tributi/v1/nowhere',
      headers: { 'x-correlation-id': 'gestionale-abc-123' },
    });
    expect(given.headers['x-correlation-id']).toBe('gestionale-abc-123');
    expect(given.json()).toMatchObject({ correlationId: 'gestionale-abc-123' });
    const made = await t.call('082006', { method: 'GET', url: '/tributi/v1/nowhere' });
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stored nothing and sent no event for any of them', async () => {
    const stored = await t.sql.query(
      'select (select count(*) from record)::int as records, (select count(*) from outbox)::int as events',
    );
    expect(stored.rows[0]).toEqual({ records: 0, events: 0 });

    // Same record key, so same partition: an event of any refused request would arrive before this one.
    expect((await t.call('082006', { method: 'PUT', url: path, payload: valid })).statusCode).toBe(201);
    await t.events.waitFor(1);
    expect(t.events.events.map((e) => [e.subject, e.headers['ce_revision']])).toEqual([['IMU-2023-000412', '1']]);
  });
});
