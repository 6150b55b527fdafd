import type { Scope } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

// Broken object-level authorisation, route by route: a client of ente B, without an agreement,
// against ente A's records. Every answer about a record of A that exists is compared with the
// answer about a key of A nobody wrote (same length, so even Content-Length must match).

const A = '082053';
const B = '082006';
const HIDDEN = 'nascosto-1';
const MISSING = 'mancante-1';
const IDEMPOTENCY_KEY = 'chiave-usata-da-a';
/** Headers that differ on every answer whatever the record. */
const VOLATILE = ['x-correlation-id', 'date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'connection'];

type Method = 'GET' | 'HEAD' | 'PUT' | 'DELETE';
type Response = Awaited<ReturnType<ThemeTestApp['app']['inject']>>;

interface Form {
  name: string;
  method: Method;
  headers?: Record<string, string>;
}

const READS: Form[] = [
  { name: 'GET', method: 'GET' },
  { name: 'GET If-None-Match its current ETag', method: 'GET', headers: { 'if-none-match': '"2"' } },
  { name: 'GET If-None-Match a former ETag', method: 'GET', headers: { 'if-none-match': '"1"' } },
  { name: 'GET If-None-Match a weak ETag', method: 'GET', headers: { 'if-none-match': 'W/"2"' } },
  { name: 'GET If-None-Match *', method: 'GET', headers: { 'if-none-match': '*' } },
  { name: 'HEAD', method: 'HEAD' },
];

const WRITES: Form[] = [
  { name: 'PUT', method: 'PUT' },
  { name: 'PUT If-Match its current ETag', method: 'PUT', headers: { 'if-match': '"2"' } },
  { name: 'PUT If-Match another ETag', method: 'PUT', headers: { 'if-match': '"9"' } },
  { name: 'PUT If-Match *', method: 'PUT', headers: { 'if-match': '*' } },
  { name: 'PUT with the Idempotency-Key A used', method: 'PUT', headers: { 'idempotency-key': IDEMPOTENCY_KEY } },
  { name: 'DELETE', method: 'DELETE' },
  { name: 'DELETE If-Match its current ETag', method: 'DELETE', headers: { 'if-match': '"2"' } },
  { name: 'DELETE If-Match *', method: 'DELETE', headers: { 'if-match': '*' } },
];

const HIDDEN_TYPES = ['pratica', 'fascicolo'];

/** A's Idempotency-Keys are one per type: each may be used once, whatever the record. */
function withTypedKey(headers: Record<string, string> = {}, type: string): Record<string, string> {
  const key = headers['idempotency-key'];
  return key === undefined ? headers : { ...headers, 'idempotency-key': `${key}-${type}` };
}

/** An answer without what differs on every request, and with the record's key blanked. */
function shape(res: Response, key: string): unknown {
  const headers = Object.fromEntries(
    Object.entries(res.headers).filter(([name]) => !VOLATILE.includes(name.toLowerCase())),
  );
  const body = res.body === '' ? '' : (JSON.parse(res.body.replaceAll(key, '<key>')) as Record<string, unknown>);
  if (typeof body === 'object') delete body['correlationId'];
  return { status: res.statusCode, headers, body };
}

describe('cross-ente access: a client of ente B, without an agreement, against every route of ente A’s records', () => {
  const t = forSuite(() => startProvaTestApp('access_cross_ente'));

  beforeAll(async () => {
    for (const type of ['avviso', ...HIDDEN_TYPES]) {
      for (const nota of ['prima', 'seconda']) {
        // The Idempotency-Key of A's last write is tried by B below: it must replay nothing to B.
        const headers = nota === 'seconda' ? { 'idempotency-key': `${IDEMPOTENCY_KEY}-${type}` } : {};
        const res = await t.call(A, {
          method: 'PUT',
          url: `${PROVA_BASE}/records/${type}/${A}/${HIDDEN}`,
          headers,
          payload: { anno: 2024, nota: `di A, ${nota}` },
        });
        if (res.statusCode >= 300) throw new Error(`writing ${type}: ${res.statusCode} ${res.body}`);
      }
    }
    await t.call(B, { method: 'PUT', url: `${PROVA_BASE}/records/pratica/${B}/proprio-1`, payload: { anno: 2024 } });
  });

  const asB = (form: Form, type: string, key: string, scopes?: Scope[]): Promise<Response> =>
    t.app.inject({
      method: form.method,
      url: `${PROVA_BASE}/records/${type}/${A}/${key}`,
      headers: { ...t.as(B, scopes), ...withTypedKey(form.headers, type) },
      ...(form.method === 'PUT' ? { payload: { anno: 2025, nota: 'scritto da B' } } : {}),
    });

  /** Everything a write could leave behind; reads of personale data by A add entries, B's must not. */
  async function stored(): Promise<unknown> {
    const query = async (sql: string): Promise<unknown[]> => (await t.sql.query(sql)).rows;
    return {
      records: await query('select type, ente, key, revision, deleted_at, data from record order by type, ente, key'),
      changes: await query('select count(*)::int as n from record_change'),
      outbox: await query('select count(*)::int as n from outbox'),
      audit: await query(
        `select count(*) filter (where action <> 'read')::int as writes, count(*) filter (where ente = '${B}')::int as by_b
         from (select action, ente from audit_entry union all select action, ente from audit_pending) e`,
      ),
    };
  }

  it('lets A itself read, revalidate, list and follow its records (the baseline B’s answers differ from)', async () => {
    for (const type of HIDDEN_TYPES) {
      const url = `${PROVA_BASE}/records/${type}/${A}/${HIDDEN}`;
      const read = await t.call(A, { method: 'GET', url });
      expect({ status: read.statusCode, etag: read.headers['etag'] }).toEqual({ status: 200, etag: '"2"' });
      const revalidated = await t.call(A, { method: 'GET', url, headers: { 'if-none-match': '"2"' } });
      expect(revalidated.statusCode).toBe(304);
      const list = await t.call(A, { method: 'GET', url: `${PROVA_BASE}/records/${type}?ente=${A}` });
      expect(list.json<{ items: { key: string }[] }>().items.map((i) => i.key)).toEqual([HIDDEN]);
    }
  });

  describe.each(HIDDEN_TYPES)('reads of A’s %s', (type) => {
    it.each(READS.map((form) => [form.name, form] as const))(
      '%s answers 404 exactly like a key nobody wrote: status, headers and body',
      async (_, form) => {
        const hidden = await asB(form, type, HIDDEN);
        const missing = await asB(form, type, MISSING);
        expect(hidden.statusCode).toBe(404);
        expect(shape(hidden, HIDDEN)).toEqual(shape(missing, MISSING));
      },
    );
  });

  describe.each(['avviso', ...HIDDEN_TYPES])('writes of A’s %s', (type) => {
    it.each(WRITES.map((form) => [form.name, form] as const))(
      '%s answers 403 foreign-ente like for a key nobody wrote, and stores nothing',
      async (_, form) => {
        const before = await stored();
        const existing = await asB(form, type, HIDDEN);
        const missing = await asB(form, type, MISSING);
        expect({ status: existing.statusCode, code: existing.json<{ code: string }>().code }).toEqual({
          status: 403,
          code: 'foreign-ente',
        });
        expect(shape(existing, HIDDEN)).toEqual(shape(missing, MISSING));
        expect(await stored()).toEqual(before);
      },
    );

    it('in a batch: the items for A’s record and for a key nobody wrote get the same 403 at /ente, nothing stored', async () => {
      const before = await stored();
      const res = await t.call(B, {
        method: 'POST',
        url: `${PROVA_BASE}/records/${type}/batch`,
        payload: { items: [HIDDEN, MISSING].map((key) => ({ ente: A, key, data: { anno: 2025 } })) },
      });
      expect(res.statusCode).toBe(200);
      const [existing, missing] = res
        .json<{ items: Record<string, unknown>[] }>()
        .items.map(({ index, key, ...rest }) => {
          expect(typeof index === 'number' && typeof key === 'string').toBe(true);
          return rest;
        });
      expect(existing).toMatchObject({ status: 403, outcome: 'rejected', errors: [{ pointer: '/ente' }] });
      expect(existing).toEqual(missing);
      expect(await stored()).toEqual(before);
    });
  });

  describe.each(HIDDEN_TYPES)('lists and the feed, for A’s %s', (type) => {
    const page = async (url: string): Promise<unknown> => (await t.call(B, { method: 'GET', url })).json<unknown>();

    it('filtered on ente A: the same empty page as an ente that published nothing', async () => {
      for (const query of ['', '&limit=1', '&updatedSince=2000-01-01T00:00:00Z'])
        expect(await page(`${PROVA_BASE}/records/${type}?ente=${A}${query}`)).toEqual(
          await page(`${PROVA_BASE}/records/${type}?ente=082049${query}`),
        );
    });

    it('unfiltered, page by page, and in the feed: never a record of A', async () => {
      const seen: string[] = [];
      for (let cursor = '', more = true; more;) {
        const res = await t.call(B, { method: 'GET', url: `${PROVA_BASE}/records/${type}?limit=1${cursor}` });
        const body = res.json<{ items: { ente: string }[]; next: string | null }>();
        seen.push(...body.items.map((i) => i.ente));
        more = body.next !== null;
        cursor = `&cursor=${body.next}`;
      }
      const feed = await t.call(B, { method: 'GET', url: `${PROVA_BASE}/feed?types=${type}&limit=1000` });
      seen.push(...feed.json<{ items: { ente: string }[] }>().items.map((i) => i.ente));
      expect(seen.filter((ente) => ente === A)).toEqual([]);
      expect(seen).toEqual(type === 'pratica' ? [B, B] : []);
    });

    it('the audit trail of A’s record answers like that of a key nobody wrote', async () => {
      const trail = (key: string): Promise<Response> =>
        t.call(B, { method: 'GET', url: `${PROVA_BASE}/audit?record=${type}/${A}/${key}` });
      const hidden = await trail(HIDDEN);
      expect(hidden.statusCode).toBe(403);
      expect(shape(hidden, HIDDEN)).toEqual(shape(await trail(MISSING), MISSING));
    });
  });

  it('keeps /audit/verify to operators, and tells them counts and hashes, never A’s keys or data', async () => {
    const refused = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/audit/verify`, headers: t.as(B) });
    expect({ status: refused.statusCode, code: refused.json<{ code: string }>().code }).toEqual({
      status: 403,
      code: 'insufficient-scope',
    });
    const operator = await t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/audit/verify`,
      headers: t.as(B, ['records:read', 'operator']),
    });
    expect(operator.statusCode).toBe(200);
    expect(operator.json()).toMatchObject({ intact: true });
    expect(operator.body).not.toContain(HIDDEN);
    expect(operator.body).not.toContain('di A');
  });
});
