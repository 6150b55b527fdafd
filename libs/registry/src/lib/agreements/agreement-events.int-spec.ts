import { RequestContext } from '@mikro-orm/core';
import { agreementsTopic } from '@interscambio/access';
import type { AgreementState } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp, TopicEvents } from '../../../test';
import type { RegistryTestApp } from '../../../test';
import { RegistryDatabase } from '../storage/registry.database';
import { appendOutboxInTransaction } from '../storage/transactional-outbox';
import { Agreement } from './agreement.entity';
import { agreementEvent } from '@interscambio/access';
import { agreementState } from './agreement.view';
import type { AgreementView } from './agreement.view';

const STATE_FIELDS = [
  'id',
  'consumer',
  'scope',
  'publisher',
  'theme',
  'type',
  'purpose',
  'fields',
  'status',
  'version',
  'changedAt',
] as const satisfies readonly (keyof AgreementState)[];

describe('agreement changes on the agreements topic', () => {
  let t: RegistryTestApp;
  let events: TopicEvents<AgreementState>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startRegistryTestApp('reg_events');
    for (const [name, ente, scopes] of [
      ['consumer', '082006', ['records:read']],
      ['publisher', '082053', ['records:write']],
    ] as const) {
      const client = await t.createClient({ ente, scopes: [...scopes] });
      tokens[name] = await t.token(client.clientId, client.clientSecret, 'registry');
    }
    events = await TopicEvents.start(agreementsTopic(t.topicPrefix));
  });

  afterAll(async () => {
    await events.close();
    await t.close();
  });

  it('is created compacted, so the latest state of every agreement stays on it', async () => {
    expect(await events.topicConfig()).toMatchObject({ 'cleanup.policy': 'compact' });
  });

  it('carries each change, in order, as a CloudEvent with the full state keyed by the agreement id', async () => {
    const post = (path: string, who: string, body?: object): Promise<AgreementView> =>
      t.http.post<AgreementView>(path, { token: tokens[who], ...(body ? { body } : {}) }).then((r) => r.body);
    const requested = await post('/agreements', 'consumer', {
      publisher: '082053',
      theme: 'tributi',
      type: 'versamento',
    });
    const states = [requested];
    states.push(await post(`/agreements/${requested.id}/approve`, 'publisher'));
    states.push(await post(`/agreements/${requested.id}/suspend`, 'publisher'));
    states.push(await post(`/agreements/${requested.id}/resume`, 'publisher'));
    states.push(await post(`/agreements/${requested.id}/revoke`, 'consumer'));

    const received = await events.of(requested.id, 5);
    expect(received.map((e) => e.type)).toEqual([
      'it.interscambio.registry.agreement.requested',
      'it.interscambio.registry.agreement.active',
      'it.interscambio.registry.agreement.suspended',
      'it.interscambio.registry.agreement.active',
      'it.interscambio.registry.agreement.revoked',
    ]);
    received.forEach((event, i) => {
      const view = states[i] as AgreementView;
      const state = Object.fromEntries(STATE_FIELDS.map((field) => [field, view[field]]));
      expect(event).toMatchObject({
        source: '/registry',
        subject: requested.id,
        key: requested.id,
        specversion: '1.0',
      });
      expect(event.data).toEqual(state);
      expect(event.time).toBe(view.changedAt);
    });
    expect(received.map((e) => e.data?.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves neither the change nor its outbox row when the transaction rolls back', async () => {
    const { body } = await t.http.post<AgreementView>('/agreements', {
      token: tokens['consumer'],
      body: { publisher: '082053', theme: 'tributi', type: 'posizione-debitoria' },
    });
    const outboxRows = async (): Promise<number> =>
      Number((await t.sql.query('select count(*) as n from outbox where key = $1', [body.id])).rows[0].n);
    expect(await outboxRows()).toBe(1);
    const db = t.app.get(RegistryDatabase);
    let eventId = '';
    const change = RequestContext.create(db.orm.em, () =>
      db.em.transactional(async (tx) => {
        const agreement = await tx.findOneOrFail(Agreement, { id: body.id });
        agreement.status = 'active';
        agreement.version += 1;
        await tx.flush();
        const event = agreementEvent(agreementState(agreement), t.topicPrefix);
        eventId = event.id;
        await appendOutboxInTransaction(tx, db.schema, [event]);
        expect(
          Number(
            (await tx.execute(`select count(*) as n from "${db.schema}".outbox where id = ?`, [eventId]))[0]?.['n'],
          ),
        ).toBe(1);
        throw new Error('the work after the outbox append failed');
      }),
    );
    await expect(change).rejects.toThrow('the work after the outbox append failed');
    expect((await t.sql.query('select count(*)::int as n from outbox where id = $1', [eventId])).rows).toEqual([
      { n: 0 },
    ]);
    expect(await outboxRows()).toBe(1);
    expect((await t.sql.query('select status, version from agreement where id = $1', [body.id])).rows).toEqual([
      { status: 'requested', version: 1 },
    ]);
  });
});

describe('the registry while Kafka is down', () => {
  const t = forSuite(() => startRegistryTestApp('reg_nokafka', { env: { KAFKA_BROKERS: '127.0.0.1:1' } }));

  it('still issues tokens and records agreement changes in the outbox, and says it is degraded on /status', async () => {
    const client = await t.createClient({ ente: '082006', scopes: ['records:read'] });
    const token = await t.token(client.clientId, client.clientSecret, 'registry');
    const requested = await t.http.post('/agreements', {
      token,
      body: { publisher: '082053', theme: 'tributi', type: 'versamento' },
    });
    expect(requested.status).toBe(201);
    const { rows } = await t.sql.query('select count(*)::int as pending from outbox where sent_at is null');
    expect(rows).toEqual([{ pending: 1 }]);
    const status = await t.http.get('/status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      status: 'degraded',
      checks: { kafka: { status: 'down' } },
      outbox: { pending: 1, oldestSeconds: expect.any(Number) },
    });
  });
});
