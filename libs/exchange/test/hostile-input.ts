import { randomUUID } from 'node:crypto';
import { apiOperations, fuzzSettings, HostileRun, injectInto, operationName } from '@interscambio/http/testing';
import type { ApiOperation, ApiParameter, HostileTarget } from '@interscambio/http/testing';
import type { ThemeOptions } from '../src/index';
import { FUZZ_ENTE, THEME_CREDENTIALS, themeAuthorization, themeValues, validDocuments } from './hostile-input.values';
import { startThemeTestApp } from './theme-test-app';
import type { ThemeTestApp } from './theme-test-app';

interface Stored {
  records: number;
  changes: number;
  events: number;
  audit: number;
  idempotency: number;
}

// One statement, one snapshot: the audit sealer moves entries from pending to sealed in one transaction.
const STORED_SQL = `select (select count(*) from record)::int as records, (select count(*) from record_change)::int as changes,
  (select count(*) from outbox)::int as events,
  (select count(*) from audit_pending)::int + (select count(*) from audit_entry)::int as audit,
  (select count(*) from idempotency_key)::int as idempotency`;

// Past the batch routes' limit (10 MB), so that every route sees a body it must refuse unread.
const OVERSIZED = 11 * 1024 * 1024;

/**
 * Hostile requests to every operation of the theme service's OpenAPI document (and the routes it
 * serves undocumented), and raw bytes to its HTTP parser: never a 5xx; every 4xx problem+json with
 * status, code and title; a refused request stores nothing (records, changes, events, audit entries,
 * idempotency keys); a batch stores exactly what its answer reports; the service stays ready and
 * writable. Fixed seed in `npm test`; FUZZ_RUNS and FUZZ_SEED for `npm run test:fuzz`.
 */
export function describeHostileInput(theme: ThemeOptions, ciRuns = { requests: 2000, raw: 80 }): void {
  const base = `/${theme.theme}/v1`;
  const documents = validDocuments(theme);
  let t: ThemeTestApp;
  let operations: ApiOperation[];
  let document: unknown;

  const authorization = (kind: string): string => themeAuthorization(t, theme.theme, kind);
  const target: HostileTarget<Stored> = {
    send: injectInto(() => t.app, authorization),
    stored: async () => (await t.sql.query<Stored>(STORED_SQL)).rows[0] as Stored,
    accepted(request, answer, before, after) {
      const replayed = answer.headers['idempotency-replayed'] === 'true';
      if (request.method !== 'POST' || replayed || !/\/batch(\?|$)/.test(request.url)) return [];
      return batchFaults((JSON.parse(answer.body) as { items: { outcome: string }[] }).items, before, after);
    },
    async healthy() {
      const ready = await t.app.inject({ method: 'GET', url: `${base}/health/ready` });
      if (ready.statusCode !== 200) throw new Error(`health/ready answered ${ready.statusCode}: ${ready.body}`);
      const [type, [data] = []] = [...documents][0] ?? [];
      const write = await t.app.inject({
        method: 'PUT',
        url: `${base}/records/${type}/${FUZZ_ENTE}/salute-${randomUUID()}`,
        headers: { authorization: authorization('writer') },
        payload: data as object,
      });
      if (write.statusCode !== 201) throw new Error(`a valid write answered ${write.statusCode}: ${write.body}`);
    },
  };
  const run = new HostileRun(target);

  describe(`${theme.theme}: hostile input, generated from its OpenAPI document`, () => {
    beforeAll(async () => {
      t = await startThemeTestApp(theme, `${theme.theme.replace(/-/g, '_')}_hostile`, {
        RATE_LIMIT_PER_MINUTE: '1000000',
      });
      await t.app.listen(0, '127.0.0.1');
      document = (await t.app.inject({ method: 'GET', url: `${base}/openapi.json` })).json();
      const documented = apiOperations(document as object);
      const others = undocumented(base).filter((u) => !documented.some((d) => operationName(d) === operationName(u)));
      operations = [...documented, ...others];
    });

    afterAll(async () => {
      process.stderr.write(run.summary(theme.theme));
      await t?.close();
    });

    const requests = fuzzSettings(`${theme.theme} hostile requests`, ciRuns.requests);
    it(
      'answers hostile requests to every operation with no 5xx, problem+json for each 4xx, and stores nothing it refuses',
      async () => {
        expect(operations.length).toBeGreaterThan(20);
        const values = themeValues(theme, documents);
        const options = { document, credentials: THEME_CREDENTIALS, oversized: OVERSIZED, values };
        await run.everyOperation(operations, options, requests);
      },
      requests.timeoutMs,
    );

    const raw = fuzzSettings(`${theme.theme} raw requests`, ciRuns.raw, 1 / 50);
    it(
      'answers bytes that are barely HTTP with problem+json, never a 5xx or silence',
      async () => {
        const [type] = documents.keys();
        const paths = [
          'status',
          `records/${type}/${FUZZ_ENTE}/fuzz-1`,
          `records/${type}?limit=1`,
          `records/${type}/batch`,
          'feed?limit=1',
        ];
        const port = Number(new URL(await t.app.getUrl()).port);
        await run.raw(
          port,
          paths.map((p) => `${base}/${p}`),
          [`Authorization: ${authorization('writer')}`],
          raw,
        );
      },
      raw.timeoutMs,
    );

    it('stays ready, and a valid write still succeeds, after all of them', async () => {
      await target.healthy();
    });
  });
}

/** Routes the service serves that its OpenAPI document does not describe. */
function undocumented(base: string): ApiOperation[] {
  const path = (name: string): ApiParameter => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const revision: ApiParameter = {
    name: 'revision',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 1 },
  };
  return [
    { method: 'GET', path: `${base}/openapi.json`, parameters: [] },
    { method: 'GET', path: `${base}/docs`, parameters: [] },
    {
      method: 'GET',
      path: `${base}/records/{type}/{ente}/{key}/receipt`,
      parameters: [path('type'), path('ente'), path('key'), revision],
    },
    {
      method: 'GET',
      path: `${base}/records/{type}/{ente}/{key}/revisions`,
      parameters: [path('type'), path('ente'), path('key')],
    },
    {
      method: 'GET',
      path: `${base}/records/{type}/{ente}/{key}`,
      parameters: [
        path('type'),
        path('ente'),
        path('key'),
        { name: 'asOf', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
      ],
    },
    { method: 'POST', path: `${base}/records/{type}/uploads`, parameters: [path('type')] },
    { method: 'GET', path: `${base}/records/{type}/uploads/{id}`, parameters: [path('type'), path('id')] },
    { method: 'GET', path: `${base}/records/{type}/uploads/{id}/report.json`, parameters: [path('type'), path('id')] },
    { method: 'GET', path: `${base}/records/{type}/uploads/{id}/report.xlsx`, parameters: [path('type'), path('id')] },
    { method: 'GET', path: `${base}/records/{type}/template.csv`, parameters: [path('type')] },
    { method: 'GET', path: `${base}/records/{type}/template.xlsx`, parameters: [path('type')] },
    { method: 'GET', path: `${base}/caricamento`, parameters: [] },
    { method: 'GET', path: `${base}/opendata/catalog.jsonld`, parameters: [] },
    { method: 'GET', path: `${base}/opendata/{type}/{file}`, parameters: [path('type'), path('file')] },
  ];
}

/** Each write the batch's answer reports is stored once (a change, an event, an audit entry), nothing else. */
function batchFaults(items: { outcome: string }[], before: Stored, after: Stored): string[] {
  const created = items.filter((i) => i.outcome === 'created').length;
  const changed = created + items.filter((i) => i.outcome === 'updated').length;
  const delta = (name: keyof Stored): number => after[name] - before[name];
  const wrong: (keyof Stored)[] = (['changes', 'events', 'audit'] as const).filter((name) => delta(name) !== changed);
  if (delta('records') < 0 || delta('records') > created) wrong.push('records');
  if (wrong.length === 0) return [];
  return [
    `a batch answered ${changed} writes (${created} new) but stored ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
  ];
}
