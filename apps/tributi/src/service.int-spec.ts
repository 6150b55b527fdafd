import { metricValue } from '@interscambio/observability';
import type { OpenApiDocument } from '@interscambio/http/testing';
import { forSuite } from '@interscambio/testing';
import { startTributi } from '../test/tributi-test-app';

describe('what the service says about itself: status, types, schemas, OpenAPI', () => {
  const t = forSuite(() => startTributi('tributi_service'));

  it('reports up on status when PostgreSQL and Kafka answer, with the outbox backlog, and is live and ready', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tributi/v1/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'up',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
      outbox: { pending: expect.any(Number), oldestSeconds: null },
    });
    const live = await t.app.inject({ method: 'GET', url: '/tributi/v1/health/live' });
    expect([live.statusCode, live.json()]).toEqual([200, { status: 'live' }]);
    const ready = await t.app.inject({ method: 'GET', url: '/tributi/v1/health/ready' });
    expect([ready.statusCode, ready.json()]).toEqual([
      200,
      { status: 'ready', checks: { postgres: { status: 'up' } } },
    ]);
  });

  it('answers probes without counting them against the rate limit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tributi/v1/health/ready' });
    expect(res.headers['x-ratelimit-remaining']).toBeUndefined();
  });

  it('lists the record types with their visibility and serves each JSON Schema', async () => {
    const types = await t.app.inject({ method: 'GET', url: '/tributi/v1/types' });
    expect(types.json<{ items: unknown[] }>().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'posizione-debitoria',
          major: 1,
          visibility: 'riservato',
          schema: '/tributi/v1/schemas/posizione-debitoria/1',
        }),
        expect.objectContaining({ type: 'versamento', major: 1, visibility: 'riservato' }),
      ]),
    );
    const schema = await t.app.inject({ method: 'GET', url: '/tributi/v1/schemas/posizione-debitoria/1' });
    expect(schema.statusCode).toBe(200);
    // Served with the URL events name as their dataschema as its $id.
    expect(schema.json()).toMatchObject({
      $id: 'https://interscambio.cittametropolitana.pa.it/tributi/v1/schemas/posizione-debitoria/1',
    });
    expect((await t.app.inject({ method: 'GET', url: '/tributi/v1/schemas/posizione-debitoria/9' })).statusCode).toBe(
      404,
    );
  });

  it('publishes an OpenAPI document whose record bodies are the record types’ JSON Schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/tributi/v1/openapi.json' })).json<OpenApiDocument>();
    expect(doc.openapi).toBe('3.1.0');
    const component = doc.components.schemas['PosizioneDebitoriaV1'];
    expect(component).toMatchObject({
      'x-interscambio-schema-id': 'https://schemas.interscambio.it/tributi/posizione-debitoria/1.json',
      required: expect.arrayContaining(['contribuente']),
    });
    expect(component?.['properties']).toMatchObject({
      contribuente: { $ref: '#/components/schemas/PosizioneDebitoriaV1/$defs/contribuente' },
    });

    const ref = { $ref: '#/components/schemas/PosizioneDebitoriaV1' };
    const one = doc.paths['/records/posizione-debitoria/{ente}/{key}'];
    expect(one?.['put']?.requestBody?.content['application/json']?.schema).toEqual(ref);
    expect(one?.['put']?.responses['201']?.content?.['application/json']?.schema).toEqual(ref);
    expect(one?.['get']?.responses['200']?.content?.['application/json']?.schema).toEqual(ref);
    expect(JSON.stringify(doc.paths['/records/posizione-debitoria/batch'])).toContain(ref.$ref);
    expect(doc.paths['/feed']).toBeDefined();
    expect(doc.servers.at(-1)).toMatchObject({ url: 'http://localhost:8080/tributi/v1', 'x-sandbox': true });
    expect(Object.keys(doc.paths).some((p) => p.includes('/records/{type}'))).toBe(false);
  });

  it('publishes an AsyncAPI 3 document of its topics, with the record types’ JSON Schemas as payloads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tributi/v1/asyncapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      asyncapi: string;
      channels: Record<string, { address: string }>;
      components: OpenApiDocument['components'];
    }>();
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.channels['PosizioneDebitoriaV1']?.address).toBe(t.topic('posizione-debitoria'));
    expect(doc.channels['PosizioneDebitoriaV1DeadLetter']?.address).toBe(`${t.topic('posizione-debitoria')}.dlq`);
    expect(doc.components.schemas['PosizioneDebitoriaV1']).toMatchObject({
      required: expect.arrayContaining(['contribuente']),
    });
  });

  it('serves Swagger UI from the installed swagger-ui-dist', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/tributi/v1/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('openapi.json');
    // Swagger UI's Authorize asks the registry for a token of this service's audience.
    expect(page.body).toContain('const AUDIENCE = "tributi"');
    expect(page.headers['cache-control']).toBe('no-store');
    const bundle = await t.app.inject({ method: 'GET', url: '/tributi/v1/docs/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/tributi/v1/docs/..%2Fpackage.json' })).statusCode).toBe(404);
  });
});

describe('status when Kafka does not answer', () => {
  const t = forSuite(() => startTributi('tributi_nokafka', { KAFKA_BROKERS: '127.0.0.1:1' }));

  it('is degraded but ready, naming Kafka, accepts records meanwhile and shows them waiting in the outbox', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tributi/v1/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'degraded',
      checks: { postgres: { status: 'up' }, kafka: { status: 'down', error: expect.any(String) } },
    });
    const ready = await t.app.inject({ method: 'GET', url: '/tributi/v1/health/ready' });
    expect(ready.statusCode).toBe(200);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/tributi/v1/records/versamento/082053/V-1',
      headers: t.as('082053'),
      payload: { posizione: 'P-1', importo: 5, dataPagamento: '2024-01-02', canale: 'altro', identificativo: 'CRO-1' },
    });
    expect(put.statusCode).toBe(201);
    const { rows } = await t.sql.query('select count(*)::int as pending from outbox where sent_at is null');
    expect(rows).toEqual([{ pending: 1 }]);
    const after = await t.app.inject({ method: 'GET', url: '/tributi/v1/status' });
    expect(after.json()).toMatchObject({
      status: 'degraded',
      outbox: { pending: 1, oldestSeconds: expect.any(Number) },
    });
    // The same, for Prometheus: Kafka down, the service degraded, the record waiting.
    const metrics = (await t.app.inject({ method: 'GET', url: '/tributi/v1/metrics' })).body;
    expect({
      kafka: metricValue(metrics, 'interscambio_dependency_up', { dependency: 'kafka' }),
      postgres: metricValue(metrics, 'interscambio_dependency_up', { dependency: 'postgres' }),
      degraded: metricValue(metrics, 'interscambio_degraded'),
      pending: metricValue(metrics, 'interscambio_outbox_pending'),
    }).toEqual({ kafka: 0, postgres: 1, degraded: 1, pending: 1 });
    expect(metricValue(metrics, 'interscambio_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
  });
});
