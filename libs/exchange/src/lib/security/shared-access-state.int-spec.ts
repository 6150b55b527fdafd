import { REVOCATIONS_TOPIC_CONFIG, revocationEvent, revocationsTopic } from '@interscambio/access';

import type { RevocationState } from '@interscambio/access';
import { KafkajsBus, toCloudEventMessage, TopicEnsurer } from '@interscambio/messaging';

import type { BusProducer } from '@interscambio/messaging';
import { eventually, forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createThemeApp } from '../exchange.app';

import { startProvaTestApp } from '../../../test/prova-test-app';

import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

/** A second replica of `t`'s service: same schema, topics and token issuer, a process state of its own. */
async function replicaOf(t: ThemeTestApp): Promise<NestFastifyApplication> {
  return createThemeApp(t.theme, t.config, { levels: ['error'] });
}

/** Resolves once `check` is true, failing past `timeoutMs` (the bound the issue sets, not a measurement). */
async function within(timeoutMs: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two replicas of a theme share their rate limits, in PostgreSQL', () => {
  let t: ThemeTestApp;
  let second: NestFastifyApplication;

  beforeAll(async () => {
    t = await startProvaTestApp('shared_limits', { env: { RATE_LIMIT_PER_MINUTE: '4' } });
    second = await replicaOf(t);
  });

  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('allows a client its limit once across both replicas, then 429 on either', async () => {
    const headers = t.as('082053', ['records:read']);
    const replicas = [t.app, second, t.app, second, t.app, second];
    const answers: [number, string | undefined][] = [];
    for (const app of replicas) {
      const res = await app.inject({ method: 'GET', url: `${PROVA_BASE}/records/avviso`, headers });
      answers.push([res.statusCode, res.headers['x-ratelimit-remaining'] as string | undefined]);
    }
    expect(answers).toEqual([
      [200, '3'],
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
      [429, '0'],
    ]);
  });

  it('counts an address without a token once across both replicas too', async () => {
    const from = (app: NestFastifyApplication) =>
      app
        .inject({ method: 'GET', url: `${PROVA_BASE}/feed`, headers: { 'x-forwarded-for': '198.51.100.4' } })
        .then((res) => res.statusCode);
    const statuses = [];
    for (const app of [t.app, second, t.app, second, t.app]) statuses.push(await from(app));
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('never limits /status and the health probes, however often they are called from one address', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++)
      for (const path of ['/status', '/health/live', '/health/ready']) {
        const res = await second.inject({ method: 'GET', url: `${PROVA_BASE}${path}`, remoteAddress: '198.51.100.9' });
        statuses.add(res.statusCode === 503 ? 200 : res.statusCode);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    expect([...statuses]).toEqual([200]);
  });
});

describe('X-Forwarded-For counts only from the proxies in TRUSTED_PROXIES', () => {
  const t = forSuite(() =>
    startProvaTestApp('trusted_proxies', {
      env: {
        RATE_LIMIT_PER_MINUTE: '2',
        TRUSTED_PROXIES: '192.0.2.0/29',
      },
    }),
  );

  const tokenless = (remoteAddress: string, forwardedFor: string) =>
    t.app
      .inject({ method: 'GET', url: `${PROVA_BASE}/feed`, remoteAddress, headers: { 'x-forwarded-for': forwardedFor } })
      .then((res) => res.statusCode);

  it('believes the header from a trusted proxy: each forwarded address has a budget of its own', async () => {
    expect([await tokenless('192.0.2.3', '203.0.113.1'), await tokenless('192.0.2.3', '203.0.113.1')]).toEqual([
      401, 401,
    ]);
    expect(await tokenless('192.0.2.3', '203.0.113.1')).toBe(429);
    expect(await tokenless('192.0.2.5', '203.0.113.2')).toBe(401);
  });

  it('ignores the header from anybody else: a caller cannot buy a fresh budget by writing a new address', async () => {
    expect(await tokenless('198.51.100.20', '203.0.113.10')).toBe(401);
    expect(await tokenless('198.51.100.20', '203.0.113.11')).toBe(401);
    expect(await tokenless('198.51.100.20', '203.0.113.12')).toBe(429);
  });
});

describe('revocations from the registry’s topic, refused by every replica of a theme', () => {
  let t: ThemeTestApp;
  let second: NestFastifyApplication;
  let producer: BusProducer;

  beforeAll(async () => {
    t = await startProvaTestApp('revocations');
    second = await replicaOf(t);
    const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('revocations-test'), { silent: true });
    const topics = new TopicEnsurer(bus);
    await topics.ensure([revocationsTopic(t.topicPrefix)], REVOCATIONS_TOPIC_CONFIG);
    await topics.close();
    producer = await bus.producer();
  });

  afterAll(async () => {
    await producer?.close();
    await second?.close();
    await t?.close();
  });

  const publish = (state: RevocationState) =>
    producer.send(revocationsTopic(t.topicPrefix), [toCloudEventMessage(revocationEvent(state, t.topicPrefix))]);
  const revoked = (kind: RevocationState['kind'], subject: string, clientId: string | null, on = true) => {
    const at = new Date();
    return { kind, subject, clientId, revoked: on, since: at.toISOString(), version: at.getTime() };
  };
  const read = (app: NestFastifyApplication, headers: { authorization: string }) =>
    app.inject({ method: 'GET', url: `${PROVA_BASE}/records/avviso`, headers });

  beforeAll(async () => {
    // The consumer group has joined once an earlier revocation is in the table: the bounds below
    // start from a running consumer, not from the service's boot.
    await publish(revoked('client', 'warm-up', 'warm-up'));
    await eventually(async () => {
      const { rows } = await t.sql.query("select 1 from revocation where subject = 'warm-up'");
      return rows.length > 0 ? true : undefined;
    });
  });

  it('refuses a revoked client’s unexpired token at both replicas within 5 s: 401 token-revoked', async () => {
    const headers = t.as('082053', ['records:read']);
    const other = t.as('082006', ['records:read']);
    expect([(await read(t.app, headers)).statusCode, (await read(second, headers)).statusCode]).toEqual([200, 200]);
    await publish(revoked('client', 'test-082053', 'test-082053'));
    await within(5000, 'both replicas to refuse the revoked client', async () => {
      const answers = await Promise.all([read(t.app, headers), read(second, headers)]);
      return answers.every((a) => a.statusCode === 401);
    });
    const refusal = await read(second, headers);
    expect(refusal.json()).toMatchObject({ status: 401, code: 'token-revoked' });
    expect(refusal.json().detail).toContain('test-082053');
    expect(refusal.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect((await read(second, other)).statusCode).toBe(200);
  });

  it('refuses a disabled ente’s clients within 5 s, and serves them again once it is enabled', async () => {
    const headers = t.as('082006', ['records:read']);
    await publish(revoked('ente', '082006', null));
    await within(5000, 'the disabled ente to be refused', async () => (await read(t.app, headers)).statusCode === 401);
    await publish(revoked('ente', '082006', null, false));
    await within(5000, 'the enabled ente to be served', async () => (await read(second, headers)).statusCode === 200);
  });

  it('refuses tokens issued before a client’s key was removed, and accepts the ones issued after', async () => {
    const before = t.as('082054', ['records:read']);
    await publish(revoked('client-key', 'test-082054/k1', 'test-082054'));
    await within(5000, 'the old token to be refused', async () => (await read(second, before)).statusCode === 401);
    // iat counts whole seconds: a token of the second after the removal is a new one.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await read(second, t.as('082054', ['records:read']))).statusCode).toBe(200);
  });
});
