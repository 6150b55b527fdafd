import { randomUUID } from 'node:crypto';
import { forSuite } from '@interscambio/testing';
import { PROVA_BASE, PROVA_OPEN_TYPE } from '../../../test/prova-theme';
import { startProvaTestApp } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';

// Mass assignment: what a client sends is the document and, in a batch, the address of each item.
// Revision, publisher, visibility, operation and times belong to the server; a client that sends
// them changes nothing but (where its schema admits them) the document's own properties.

const A = '082053';
const B = '082006';

/** The columns of a stored record, and a value a client might try to impose on each. */
const SERVER_FIELDS: Record<string, unknown> = {
  id: randomUUID(),
  type: 'avviso',
  ente: B,
  publisher: B,
  key: 'altra-chiave',
  revision: 99,
  visibility: 'pubblico',
  operation: 'deleted',
  schema_major: 9,
  content_hash: 'sha256:falso',
  created_at: '2000-01-01T00:00:00Z',
  updated_at: '2000-01-01T00:00:00Z',
  deleted_at: '2000-01-01T00:00:00Z',
  feed_position: 1,
};

interface StoredRow {
  type: string;
  ente: string;
  revision: number;
  operation: string;
  visibility: string;
  schema_major: number;
  deleted_at: Date | null;
  fresh: boolean;
  data: unknown;
}

/** What the server stores for a first write of A's, whatever the client sent about it. */
const CREATED_BY_A: Omit<StoredRow, 'type' | 'data'> = {
  ente: A,
  revision: 1,
  operation: 'created',
  visibility: 'riservato',
  schema_major: 1,
  deleted_at: null,
  fresh: true,
};

describe('mass assignment: the server owns revision, publisher, visibility, operation and times', () => {
  const t = forSuite(() => startProvaTestApp('access_mass_assignment', { openType: true }));

  beforeAll(async () => {
    const res = await t.call(A, {
      method: 'PUT',
      url: `${PROVA_BASE}/records/pratica/${A}/esistente`,
      payload: { anno: 2024 },
    });
    if (res.statusCode !== 201) throw new Error(`writing pratica: ${res.statusCode} ${res.body}`);
  });

  async function row(type: string, key: string): Promise<StoredRow | undefined> {
    const { rows } = await t.sql.query<StoredRow>(
      `select type, ente, revision, operation, visibility, schema_major, deleted_at, data,
              created_at > now() - interval '1 minute' as fresh
       from record where type = $1 and key = $2`,
      [type, key],
    );
    return rows[0];
  }

  const put = (type: string, key: string, payload: unknown, query = ''): ReturnType<ThemeTestApp['call']> =>
    t.call(A, {
      method: 'PUT',
      url: `${PROVA_BASE}/records/${type}/${A}/${key}${query}`,
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it.each(Object.entries(SERVER_FIELDS))(
    'refuses a document carrying "%s" where its schema has additionalProperties false: 422, nothing changed',
    async (field, value) => {
      const before = await row('pratica', 'esistente');
      for (const key of ['esistente', `nuovo-${field}`]) {
        const res = await put('pratica', key, { anno: 2025, [field]: value });
        expect(res.statusCode).toBe(422);
        expect(res.json()).toMatchObject({
          code: 'validation-failed',
          errors: [expect.objectContaining({ keyword: 'additionalProperties' })],
        });
      }
      expect(await row('pratica', 'esistente')).toEqual(before);
      expect(await row('pratica', `nuovo-${field}`)).toBeUndefined();
    },
  );

  const pollution: [string, string, string][] = [
    ['PUT', '__proto__ in the document', '{"anno":2024,"__proto__":{"revision":99,"visibility":"pubblico"}}'],
    ['PUT', 'constructor.prototype in the document', '{"anno":2024,"constructor":{"prototype":{"revision":99}}}'],
    [
      'batch',
      '__proto__ in an item',
      '{"items":[{"ente":"082053","key":"inquinato","data":{"anno":2024},"__proto__":{"revision":99}}]}',
    ],
    [
      'batch',
      '__proto__ inside the data of an item',
      '{"items":[{"ente":"082053","key":"inquinato","data":{"anno":2024,"__proto__":{"x":1}}}]}',
    ],
  ];

  it.each(pollution)(
    'refuses a %s with %s as malformed JSON (400): nothing stored, no prototype touched',
    async (route, _, body) => {
      const res =
        route === 'PUT'
          ? await put('pratica', 'inquinato', body)
          : await t.call(A, {
              method: 'POST',
              url: `${PROVA_BASE}/records/pratica/batch`,
              headers: { 'content-type': 'application/json' },
              payload: body,
            });
      expect({ status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({
        status: 400,
        code: 'malformed-json',
      });
      expect(await row('pratica', 'inquinato')).toBeUndefined();
      expect(({} as Record<string, unknown>)['revision']).toBeUndefined();
    },
  );

  it('refuses a plain "constructor" property like any other unknown one (422), without touching a prototype', async () => {
    const res = await put('pratica', 'costruttore', '{"anno":2024,"constructor":1}');
    expect(res.statusCode).toBe(422);
    expect(await row('pratica', 'costruttore')).toBeUndefined();
  });

  it('ignores server fields beside the address of batch items: revision, visibility, operation and times come from the server', async () => {
    const batch = (data: Record<string, unknown>): ReturnType<ThemeTestApp['call']> =>
      t.call(A, {
        method: 'POST',
        url: `${PROVA_BASE}/records/pratica/batch`,
        payload: { items: [{ ...SERVER_FIELDS, ente: A, key: 'lotto', data }] },
      });
    const created = await batch({ anno: 2024 });
    expect(created.json<{ items: unknown[] }>().items).toMatchObject([
      { index: 0, ente: A, key: 'lotto', status: 201, outcome: 'created', revision: 1 },
    ]);
    expect(await row('pratica', 'lotto')).toEqual({ ...CREATED_BY_A, type: 'pratica', data: { anno: 2024 } });
    const updated = await batch({ anno: 2025 });
    expect(updated.json<{ items: unknown[] }>().items).toMatchObject([
      { index: 0, ente: A, key: 'lotto', status: 200, outcome: 'updated', revision: 2 },
    ]);
    expect(await row('avviso', 'lotto')).toBeUndefined();
    expect((await t.call(B, { method: 'GET', url: `${PROVA_BASE}/records/pratica/${A}/lotto` })).statusCode).toBe(404);
  });

  it('stores server fields inside a document its schema leaves open as data only: the record, its event and its audit entry keep the server’s', async () => {
    const document = { anno: 2024, ...SERVER_FIELDS };
    const res = await put(PROVA_OPEN_TYPE, 'aperto', document, `?revision=99&visibility=pubblico&ente=${B}`);
    expect({ status: res.statusCode, etag: res.headers['etag'] }).toEqual({ status: 201, etag: '"1"' });
    expect(await row(PROVA_OPEN_TYPE, 'aperto')).toEqual({ ...CREATED_BY_A, type: PROVA_OPEN_TYPE, data: document });
    const { rows: events } = await t.sql.query<{ key: string; headers: Record<string, string> }>(
      'select key, headers from outbox where key = $1',
      [`${A}/aperto`],
    );
    expect(events).toEqual([
      {
        key: `${A}/aperto`,
        // As stored in the outbox: the publisher sends the revision as ce_revision too.
        headers: expect.objectContaining({
          ce_visibility: 'riservato',
          'interscambio-revision': '1',
          ce_source: `/enti/${A}`,
        }),
      },
    ]);
    const { rows: audit } = await t.sql.query(
      `select client_id, ente, action, record_ente, revision from
         (select client_id, ente, action, record_ente, record_key, revision from audit_entry
          union all select client_id, ente, action, record_ente, record_key, revision from audit_pending) e
       where record_key = 'aperto'`,
    );
    expect(audit).toEqual([{ client_id: `test-${A}`, ente: A, action: 'created', record_ente: A, revision: 1 }]);

    const read = await t.call(A, { method: 'GET', url: `${PROVA_BASE}/records/${PROVA_OPEN_TYPE}/${A}/aperto` });
    expect({ etag: read.headers['etag'], body: read.json<unknown>() }).toEqual({ etag: '"1"', body: document });
    const hidden = await t.call(B, { method: 'GET', url: `${PROVA_BASE}/records/${PROVA_OPEN_TYPE}/${A}/aperto` });
    expect(hidden.statusCode).toBe(404);
    const again = await put(PROVA_OPEN_TYPE, 'aperto', { ...document, anno: 2025, revision: 1 });
    expect({ status: again.statusCode, etag: again.headers['etag'] }).toEqual({ status: 200, etag: '"2"' });
  });
});
