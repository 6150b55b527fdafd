import { forSuite } from '@interscambio/testing';
import { NotifierHarness } from '../../../test/notifier-harness';

const OWNER = '082053';
const OTHER = '082006';
// A public address literal: outside the sandbox the notifier resolves names, and tests have no DNS.
const PUBLIC_CALLBACK = 'https://198.51.100.7/hook';
const BASE = '/notifier/v1/subscriptions';

describe('subscriptions outside the sandbox', () => {
  const h = forSuite(() => NotifierHarness.start('notifier_subscriptions', { NOTIFIER_SANDBOX: 'off' }));

  it('creates a subscription owned by the caller’s ente, showing its secret only once', async () => {
    const created = await h.call(OWNER, {
      method: 'POST',
      url: BASE,
      payload: { types: ['avviso'], callbackUrl: PUBLIC_CALLBACK },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ id: string; secret: string; ente: string; status: string; triggers: string[] }>();
    expect(body).toMatchObject({ ente: OWNER, status: 'active', triggers: ['created', 'updated', 'deleted'] });
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.headers['location']).toBe(`${BASE}/${body.id}`);
    const read = await h.call(OWNER, { method: 'GET', url: `${BASE}/${body.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(body.secret);
    // At rest the secret is encrypted (NOTIFIER_SECRET_KEY), bound to its subscription.
    const stored = await h.sql.query<{ secret: string }>('select secret from subscription where id = $1', [body.id]);
    expect(stored.rows[0]?.secret).toMatch(/^v1\./);
    expect(stored.rows[0]?.secret).not.toContain(body.secret.slice('whsec_'.length));
  });

  it('hides and protects one ente’s subscriptions from another', async () => {
    const { id } = await h.subscribe(OWNER, { types: ['avviso'], callbackUrl: PUBLIC_CALLBACK });
    for (const [method, url, payload] of [
      ['GET', `${BASE}/${id}`, undefined],
      ['PATCH', `${BASE}/${id}`, { status: 'paused' }],
      ['DELETE', `${BASE}/${id}`, undefined],
      ['POST', `${BASE}/${id}/secret`, {}],
      ['POST', `${BASE}/${id}/replay`, { from: '2020-01-01T00:00:00Z' }],
      ['GET', `${BASE}/${id}/deliveries`, undefined],
    ] as const) {
      const answer = await h.call(OTHER, { method, url, ...(payload ? { payload } : {}) });
      expect([method, url, answer.statusCode, answer.json<{ code: string }>().code]).toEqual([
        method,
        url,
        404,
        'subscription-not-found',
      ]);
    }
    const list = await h.call(OTHER, { method: 'GET', url: BASE });
    expect(list.json<{ items: { id: string }[] }>().items.map((s) => s.id)).not.toContain(id);
    expect((await h.call(OWNER, { method: 'GET', url: `${BASE}/${id}` })).json()).toMatchObject({ status: 'active' });
  });

  it('reports its dependencies and pending deliveries on /status without a token', async () => {
    const answer = await h.notifier?.inject({ method: 'GET', url: '/notifier/v1/status' });
    expect(answer?.statusCode).toBe(200);
    expect(answer?.json()).toMatchObject({ deliveries: { pending: 0 } });
  });

  it('publishes its metrics at /metrics without a token, counting requests by route pattern', async () => {
    await h.call(OWNER, { method: 'GET', url: BASE });
    const answer = await h.notifier?.inject({ method: 'GET', url: '/notifier/v1/metrics' });
    expect(answer?.statusCode).toBe(200);
    expect(answer?.headers['x-ratelimit-limit']).toBeUndefined();
    expect(answer?.body).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/notifier\/v1\/subscriptions"[^}]*\} [1-9]/,
    );
    expect(answer?.body).toMatch(/interscambio_dependency_up\{[^}]*dependency="postgres"[^}]*\} 1/);
  });

  it('needs the subscriptions scope', async () => {
    const answer = await h.call(OWNER, { method: 'GET', url: BASE }, ['records:read']);
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'insufficient-scope' });
  });

  it.each([
    ['https://10.1.2.3/hook', 'private'],
    ['https://127.0.0.1:8443/hook', 'loopback'],
    ['https://[::1]/hook', 'IPv6 loopback'],
    ['https://169.254.169.254/latest/meta-data', 'link-local (cloud metadata)'],
    ['https://[::ffff:192.168.1.1]/hook', 'IPv4-mapped private'],
    ['https://localhost/hook', 'localhost'],
    ['http://198.51.100.7/hook', 'plain http'],
  ])('refuses the callback %s (%s) with 422 at /callbackUrl', async (callbackUrl) => {
    const answer = await h.call(OWNER, { method: 'POST', url: BASE, payload: { types: ['avviso'], callbackUrl } });
    expect(answer.statusCode).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer)).toEqual(['/callbackUrl']);
  });

  it('refuses a filter it cannot run, an unknown type and a past expiry, each at its pointer, and stores nothing', async () => {
    const before = (await h.call(OWNER, { method: 'GET', url: BASE })).json<{ items: unknown[] }>().items.length;
    const answer = await h.call(OWNER, {
      method: 'POST',
      url: BASE,
      payload: {
        types: ['avviso', 'segreto'],
        callbackUrl: PUBLIC_CALLBACK,
        filter: { '/anno': { gtx: 3 }, nota: { eq: 'x' }, '/a~1b': { in: [] } },
        expiresAt: '2001-01-01T00:00:00Z',
      },
    });
    expect(answer.statusCode).toBe(422);
    expect(
      answer
        .json<{ errors: { pointer: string }[] }>()
        .errors.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/expiresAt', '/filter/nota', '/filter/~1a~01b/in', '/filter/~1anno/gtx', '/types/1'].sort());
    expect((await h.call(OWNER, { method: 'GET', url: BASE })).json<{ items: unknown[] }>().items).toHaveLength(before);
  });

  it('pauses, resumes, rotates the secret and deletes', async () => {
    const { id, secret } = await h.subscribe(OWNER, { types: ['avviso'], callbackUrl: PUBLIC_CALLBACK });
    const paused = await h.call(OWNER, { method: 'PATCH', url: `${BASE}/${id}`, payload: { status: 'paused' } });
    expect(paused.json()).toMatchObject({ status: 'paused', pausedReason: 'paused by its owner' });
    // A JSON merge patch (RFC 7396), as the OpenAPI document names PATCH bodies.
    const resumed = await h.call(OWNER, {
      method: 'PATCH',
      url: `${BASE}/${id}`,
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ status: 'active', filter: { '/anno': { gte: 2020 } } }),
    });
    expect(resumed.json()).toMatchObject({ status: 'active', pausedReason: null, filter: { '/anno': { gte: 2020 } } });
    const rotated = await h.call(OWNER, { method: 'POST', url: `${BASE}/${id}/secret`, payload: { graceSeconds: 60 } });
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json<{ secret: string }>().secret).not.toBe(secret);
    expect((await h.call(OWNER, { method: 'DELETE', url: `${BASE}/${id}` })).statusCode).toBe(204);
    expect((await h.call(OWNER, { method: 'GET', url: `${BASE}/${id}` })).statusCode).toBe(404);
  });

  it('answers malformed requests with problem+json, never a 5xx', async () => {
    const { id } = await h.subscribe(OWNER, { types: ['avviso'], callbackUrl: PUBLIC_CALLBACK });
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, string | undefined, Record<string, string>, number][] = [
      ['POST', BASE, '{"types": ["avviso"', json, 400],
      ['POST', BASE, 'null', json, 422],
      ['POST', BASE, '[]', json, 422],
      ['POST', BASE, 'types=avviso', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
      ['POST', BASE, undefined, {}, 415],
      ['POST', BASE, JSON.stringify({ types: ['avviso'], callbackUrl: 'https://198.51.100.7/\u0000' }), json, 422],
      [
        'POST',
        BASE,
        JSON.stringify({ types: ['avviso'], callbackUrl: `https://${'a'.repeat(300)}.example/` }),
        json,
        422,
      ],
      ['POST', BASE, JSON.stringify({ types: ['avviso'], callbackUrl: 'https://bücher.invalid/hook' }), json, 422],
      ['POST', BASE, JSON.stringify({ types: ['avviso'], callbackUrl: PUBLIC_CALLBACK, filter: [] }), json, 422],
      ['PATCH', `${BASE}/${id}`, '{}', json, 422],
      ['PATCH', `${BASE}/${id}`, JSON.stringify({ status: 'expired' }), json, 422],
      ['GET', `${BASE}/not-a-uuid`, undefined, {}, 404],
      ['GET', `${BASE}/${id}/deliveries?status=lost`, undefined, {}, 400],
      ['POST', `${BASE}/${id}/deliveries/not-a-uuid/redeliver`, undefined, {}, 404],
      ['POST', `${BASE}/${id}/secret`, JSON.stringify({ graceSeconds: -1 }), json, 422],
      ['POST', `${BASE}/${id}/replay`, JSON.stringify({ from: '2026-02-30T00:00:00Z' }), json, 422],
      ['POST', `${BASE}/${id}/replay`, JSON.stringify({ from: '0000-01-01T00:00:00Z' }), json, 422],
      ['POST', `${BASE}/${id}/replay`, JSON.stringify({ from: 'x\u0000' }), json, 422],
    ];
    for (const [method, url, payload, headers, status] of cases) {
      const answer = await h.call(OWNER, {
        method: method as 'POST',
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      expect([method, url, payload, answer.statusCode]).toEqual([method, url, payload, status]);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await h.call(OWNER, { method: 'GET', url: `${BASE}/${id}` })).json()).toMatchObject({ status: 'active' });
  });

  it('says what was wrong in Italian when Accept-Language asks for it, in English otherwise', async () => {
    const { id } = await h.subscribe(OWNER, { types: ['avviso'], callbackUrl: PUBLIC_CALLBACK });
    const json = { 'content-type': 'application/json' };
    const ask = async (language: string | undefined, options: Parameters<NotifierHarness['call']>[1]) => {
      const headers = {
        ...(options.headers as Record<string, string>),
        ...(language ? { 'accept-language': language } : {}),
      };
      const answer = await h.call(OWNER, { ...options, headers });
      const { code, title, detail } = answer.json<{ code: string; title: string; detail: string }>();
      return [answer.statusCode, code, title, detail];
    };
    const unknown = { method: 'GET' as const, url: `${BASE}/00000000-0000-4000-8000-000000000000` };
    const invalid = { method: 'POST' as const, url: BASE, headers: json, payload: '{"types": []}' };
    const malformed = { method: 'POST' as const, url: BASE, headers: json, payload: '{"types": ' };
    // A request asked in a language, and what the answer starts with: status, code, title, detail.
    const answers: [string | undefined, Parameters<typeof ask>[1], ...(number | string)[]][] = [
      [
        'it',
        unknown,
        404,
        'subscription-not-found',
        'Non trovato',
        'Nessuna sottoscrizione con questo identificativo appartiene all’ente del chiamante.',
      ],
      [undefined, unknown, 404, 'subscription-not-found', 'Not found'],
      [
        'en-GB,en;q=0.9,it;q=0.5',
        unknown,
        404,
        'subscription-not-found',
        'Not found',
        "No subscription with this id belongs to the caller's ente.",
      ],
      [
        'it-IT,it;q=0.9',
        invalid,
        422,
        'validation-failed',
        'Validazione non riuscita',
        'Il corpo della richiesta non è valido.',
      ],
      ['en', invalid, 422, 'validation-failed', 'Validation failed', 'The request body is not valid.'],
      ['it', malformed, 400, 'malformed-json', 'JSON non valido', 'Il corpo non è JSON valido.'],
      ['en', malformed, 400, 'malformed-json', 'Malformed JSON'],
    ];
    for (const [language, request, ...starts] of answers)
      expect([language, ...(await ask(language, request)).slice(0, starts.length)]).toEqual([language, ...starts]);
    const status = { method: 'GET' as const, url: `${BASE}/${id}/deliveries?status=lost` };
    expect((await ask('it', status))[3]).toBe('status deve essere uno tra pending, delivered, dead, withheld.');
  });

  it('refuses a replay from a point it does not know', async () => {
    const { id } = await h.subscribe(OWNER, { types: ['avviso'], callbackUrl: PUBLIC_CALLBACK });
    const answer = await h.call(OWNER, {
      method: 'POST',
      url: `${BASE}/${id}/replay`,
      payload: { from: 'not-an-event' },
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'replay-from-unknown', errors: [{ pointer: '/from' }] });
  });
});
