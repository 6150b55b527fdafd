import type { Scope } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

interface Traces {
  records: number;
  outbox: number;
  audit: number;
}

describe('write ownership and scopes: nobody writes as somebody else, each route needs its scope', () => {
  const t = forSuite(() => startProvaTestApp('access_writes'));

  /** What a write of `<ente>/<key>` left behind: record rows, outbox events, audit entries. */
  async function traces(ente: string, key: string): Promise<Traces> {
    const count = async (sql: string, values: unknown[]): Promise<number> =>
      (await t.sql.query<{ n: number }>(sql, values)).rows[0]?.n ?? -1;
    return {
      records: await count('select count(*)::int as n from record where ente = $1 and key = $2', [ente, key]),
      outbox: await count('select count(*)::int as n from outbox where key = $1', [`${ente}/${key}`]),
      // Committed with the write, sealed into the chain shortly after: either table holds it.
      audit: await count(
        `select count(*)::int as n from (select record_ente, record_key, action from audit_entry
           union all select record_ente, record_key, action from audit_pending) e
         where record_ente = $1 and record_key = $2 and action <> 'read'`,
        [ente, key],
      ),
    };
  }

  const none: Traces = { records: 0, outbox: 0, audit: 0 };
  const put = (
    caller: string,
    type: string,
    ente: string,
    key: string,
    payload: Record<string, unknown>,
    scopes?: Scope[],
  ) =>
    t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/${type}/${ente}/${key}`,
      headers: t.as(caller, scopes),
      payload,
    });

  it('stores a write of the caller’s own ente: record, outbox event and audit entry (the baseline the refusals differ from)', async () => {
    const res = await put('082053', 'pratica', '082053', 'propria', { anno: 2024 });
    expect(res.statusCode).toBe(201);
    expect(await traces('082053', 'propria')).toEqual({ records: 1, outbox: 1, audit: 1 });
  });

  it.each(['avviso', 'pratica', 'fascicolo'])(
    'refuses a PUT of %s as another ente with 403 foreign-ente and stores nothing',
    async (type) => {
      const res = await put('082006', type, '082053', `altrui-${type}`, { anno: 2024 });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 403, code: 'foreign-ente' });
      expect(await traces('082053', `altrui-${type}`)).toEqual(none);
    },
  );

  it('refuses a foreign PUT before looking at its body: an invalid document is still 403 foreign-ente, not 422', async () => {
    const res = await put('082006', 'pratica', '082053', 'altrui-invalida', { anno: 'duemila' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'foreign-ente' });
  });

  it('refuses a foreign PUT whatever the scopes: operator and records:write of the Città Metropolitana', async () => {
    const res = await put('082000', 'avviso', '082053', 'metro-scrive', { anno: 2024 }, [
      'records:write',
      'records:read',
      'operator',
      'admin',
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'foreign-ente' });
    expect(await traces('082053', 'metro-scrive')).toEqual(none);
  });

  it('refuses a DELETE of another ente’s record with 403 foreign-ente: the record stays, no event, no audit entry', async () => {
    expect((await put('082053', 'avviso', '082053', 'da-tenere', { anno: 2024 })).statusCode).toBe(201);
    const before = await traces('082053', 'da-tenere');

    const res = await t.app.inject({
      method: 'DELETE',
      url: `${PROVA_BASE}/records/avviso/082053/da-tenere`,
      headers: t.as('082006'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'foreign-ente' });
    expect(await traces('082053', 'da-tenere')).toEqual(before);
    const { rows } = await t.sql.query(
      "select revision, deleted_at from record where type = 'avviso' and ente = '082053' and key = 'da-tenere'",
    );
    expect(rows).toEqual([{ revision: 1, deleted_at: null }]);
  });

  it('rejects the foreign items of a batch as 403 at /ente and still stores the caller’s own', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${PROVA_BASE}/records/fascicolo/batch`,
      headers: t.as('082006'),
      payload: {
        items: [
          { ente: '082053', key: 'lotto-altrui', data: { anno: 2024 } },
          { ente: '082006', key: 'lotto-proprio', data: { anno: 2024 } },
          { ente: '083048', key: 'lotto-messina', data: { anno: 'non valido' } },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(items[0]).toMatchObject({
      index: 0,
      status: 403,
      outcome: 'rejected',
      errors: [expect.objectContaining({ pointer: '/ente' })],
    });
    expect(items[1]).toMatchObject({ index: 1, status: 201, outcome: 'created', revision: 1 });
    // Refused for its ente before its invalid content is even looked at.
    expect(items[2]).toMatchObject({ index: 2, status: 403, outcome: 'rejected' });
    expect((items[2] as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/ente']);

    expect(await traces('082053', 'lotto-altrui')).toEqual(none);
    expect(await traces('083048', 'lotto-messina')).toEqual(none);
    expect(await traces('082006', 'lotto-proprio')).toEqual({ records: 1, outbox: 1, audit: 1 });
  });

  describe('scopes', () => {
    const readOnly: Scope[] = ['records:read'];
    const writeOnly: Scope[] = ['records:write'];

    function expectInsufficientScope(res: Awaited<ReturnType<ThemeTestApp['app']['inject']>>, needed: string): void {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'insufficient-scope' });
      expect(res.headers['www-authenticate']).toBe(
        `Bearer realm="interscambio", error="insufficient_scope", scope="${needed}"`,
      );
    }

    it('needs records:write to PUT, even the caller’s own record, and stores nothing without it', async () => {
      for (const scopes of [readOnly, ['operator'] as Scope[], ['subscriptions', 'admin'] as Scope[]]) {
        const res = await put('082053', 'avviso', '082053', 'senza-scrittura', { anno: 2024 }, scopes);
        expectInsufficientScope(res, 'records:write');
      }
      expect(await traces('082053', 'senza-scrittura')).toEqual(none);
    });

    it('needs records:write to DELETE: the record stays', async () => {
      expect((await put('082053', 'avviso', '082053', 'resta', { anno: 2024 })).statusCode).toBe(201);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `${PROVA_BASE}/records/avviso/082053/resta`,
        headers: t.as('082053', readOnly),
      });
      expectInsufficientScope(res, 'records:write');
      const { rows } = await t.sql.query("select deleted_at from record where key = 'resta'");
      expect(rows).toEqual([{ deleted_at: null }]);
    });

    it('needs records:write for a batch: no item is stored without it', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `${PROVA_BASE}/records/avviso/batch`,
        headers: t.as('082053', readOnly),
        payload: { items: [{ ente: '082053', key: 'lotto-senza-scrittura', data: { anno: 2024 } }] },
      });
      expectInsufficientScope(res, 'records:write');
      expect(await traces('082053', 'lotto-senza-scrittura')).toEqual(none);
    });

    it('needs records:read to GET one record, list a type or read the feed, even the caller’s own', async () => {
      const urls = [
        `${PROVA_BASE}/records/pratica/082053/propria`,
        `${PROVA_BASE}/records/pratica`,
        `${PROVA_BASE}/feed`,
      ];
      for (const url of urls) {
        expectInsufficientScope(
          await t.app.inject({ method: 'GET', url, headers: t.as('082053', writeOnly) }),
          'records:read',
        );
        const allowed = await t.app.inject({ method: 'GET', url, headers: t.as('082053', readOnly) });
        expect({ url, status: allowed.statusCode }).toEqual({ url, status: 200 });
      }
    });
  });
});
