import { apiOperations, fuzzSettings, HostileRun, injectInto } from '@interscambio/http/testing';
import type { ApiOperation, HostileTarget } from '@interscambio/http/testing';
import { SchemaCatalog } from '@interscambio/schemas';
import { startRegistryTestApp } from '../../../test';
import type { RegistryTestApp } from '../../../test';
import { REGISTRY_CREDENTIALS, registryAuthorization, registryValues } from '../../../test/hostile-input.values';
import type { RegistryParties } from '../../../test/hostile-input.values';

// What a refused request must leave as it was: every table of the control plane, row by row (they
// are small), and the outbox and the used assertions by count (the relay marks rows sent meanwhile).
const STORED_SQL = `select ${['ente', 'api_client', 'client_key', 'agreement', 'agreement_change', 'signing_key']
  .map((t) => `(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from ${t} r) as ${t}`)
  .join(
    ', ',
  )}, (select count(*) from outbox)::int as outbox, (select count(*) from used_assertion)::int as used_assertion`;

describe('registry: hostile input, generated from its OpenAPI document', () => {
  const catalog = SchemaCatalog.load();
  const themes = catalog.themes();
  const types = [...new Set(themes.flatMap((theme) => catalog.types(theme).map((t) => t.type)))];
  let r: RegistryTestApp;
  let operations: ApiOperation[];
  let document: unknown;
  let parties: RegistryParties;
  let authorization: (kind: string) => Promise<string | undefined>;

  const target: HostileTarget<Record<string, unknown>> = {
    send: injectInto(
      () => r.app,
      (kind) => authorization(kind),
    ),
    stored: async () => (await r.sql.query<Record<string, unknown>>(STORED_SQL)).rows[0] ?? {},
    async healthy() {
      const ready = await r.app.inject({ method: 'GET', url: '/registry/v1/health/ready' });
      if (ready.statusCode !== 200) throw new Error(`health/ready answered ${ready.statusCode}: ${ready.body}`);
      const payload = { ente: '082001', name: 'salute', scopes: ['records:read'], authentication: 'client_secret' };
      const headers = { authorization: await authorization('admin') };
      const write = await r.app.inject({ method: 'POST', url: '/registry/v1/clients', headers, payload });
      if (write.statusCode !== 201) throw new Error(`a valid write answered ${write.statusCode}: ${write.body}`);
    },
  };
  const run = new HostileRun(target);

  /** A request of the suite's own, as `kind`, that must succeed. */
  async function setUp(kind: string, url: string, payload: object): Promise<Record<string, unknown>> {
    const res = await r.app.inject({
      method: 'POST',
      url: `/registry/v1${url}`,
      headers: { authorization: await authorization(kind) },
      payload,
    });
    if (res.statusCode !== 201) throw new Error(`Setting up ${url} answered ${res.statusCode}: ${res.body}`);
    return res.json<Record<string, unknown>>();
  }

  beforeAll(async () => {
    r = await startRegistryTestApp('registry_hostile', { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    const client = (ente: string, scopes: ('records:read' | 'records:write' | 'operator' | 'subscriptions')[]) =>
      r.createClient({ ente, scopes });
    parties = {
      operator: await client('082000', ['operator']),
      publisher: await client('082053', ['records:read', 'records:write']),
      consumer: await client('082006', ['records:read']),
      subscriber: await client('082053', ['subscriptions']),
      victims: { clients: [], kids: [], agreements: [] },
    };
    authorization = registryAuthorization(r, parties);
    const { victims } = parties;
    victims.clients.push((await client('082001', ['records:read'])).clientId);
    const keyed = await setUp('admin', '/clients', {
      ente: '082001',
      name: 'vittima con chiave',
      scopes: ['records:read'],
      authentication: 'private_key_jwt',
      publicKey: {
        kty: 'EC',
        crv: 'P-256',
        x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
        y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
      },
    });
    victims.clients.push(String(keyed['clientId']));
    victims.kids.push(...(keyed['keys'] as { kid: string }[]).map((k) => k.kid));
    for (const publisher of ['082053', '082001'])
      victims.agreements.push(
        String(
          (await setUp('consumer', '/agreements', { publisher, theme: 'tributi', type: 'posizione-debitoria' }))['id'],
        ),
      );
    document = (await r.app.inject({ method: 'GET', url: '/registry/v1/openapi.json' })).json();
    const served = ['openapi.json', 'docs'].map((p) => ({ method: 'GET', path: `/registry/v1/${p}`, parameters: [] }));
    operations = [...apiOperations(document as object), ...served];
  });

  afterAll(async () => {
    process.stderr.write(run.summary('registry'));
    await r?.close();
  });

  const requests = fuzzSettings('registry hostile requests', 1200);
  it(
    'answers hostile requests to every operation with no 5xx, problem+json for each 4xx, and stores nothing it refuses',
    async () => {
      expect(operations.length).toBeGreaterThan(20);
      const values = registryValues(parties, themes, types);
      const options = { document, credentials: REGISTRY_CREDENTIALS, oversized: 3 * 1024 * 1024, values };
      await run.everyOperation(operations, options, requests);
    },
    requests.timeoutMs,
  );

  const raw = fuzzSettings('registry raw requests', 80, 1 / 50);
  it(
    'answers bytes that are barely HTTP with problem+json, never a 5xx or silence',
    async () => {
      const paths = ['status', 'enti?provincia=082', 'oauth/token', 'clients', 'agreements'].map(
        (p) => `/registry/v1/${p}`,
      );
      const lines = [
        `Authorization: ${await authorization('admin')}`,
        'Content-Type: application/x-www-form-urlencoded',
      ];
      await run.raw(Number(new URL(r.url).port), paths, lines, raw);
    },
    raw.timeoutMs,
  );

  it('stays ready, and a valid write still succeeds, after all of them', async () => {
    await target.healthy();
  });
});
