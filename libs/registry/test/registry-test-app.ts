import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { RequestContext } from '@mikro-orm/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NestLevel } from '@interscambio/observability';
import { KafkajsBus } from '@interscambio/messaging';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import { Pool } from 'pg';
import { createRegistryApp, loadRegistryConfig, migrateRegistry, REGISTRY_BASE_PATH } from '../src/index';
import { signToken } from '@interscambio/access';
import type { JwtClaims, Scope } from '@interscambio/access';
import { ClientsService } from '../src/lib/clients/clients.service';
import { KeyRing } from '../src/lib/keys/key-ring';
import { AgreementsRelayLifecycle } from '../src/lib/messaging/agreements-relay.lifecycle';
import { RegistryDatabase } from '../src/lib/storage/registry.database';
import { RegistryHttp } from './registry-http';

interface TestClientSpec {
  ente: string;
  scopes: Scope[];
  name?: string;
  rateLimit?: number;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface RegistryTestApp {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>/registry/v1` */
  url: string;
  /** Requests to `url`. */
  http: RegistryHttp;
  jwksUrl: string;
  issuer: string;
  topicPrefix: string;
  /** A pool on the test's own schema, to look at what was (not) stored. */
  sql: Pool;
  /** What a registry command run by the test needs to work on the test's own schema. */
  databaseEnv: { DATABASE_URL: string; DATABASE_SCHEMA: string };
  /** A client_secret client with scope admin of ente 082000. */
  admin: TestClient;
  createClient(spec: TestClientSpec): Promise<TestClient>;
  /** An access token through the real token endpoint (client_secret_basic); throws with the problem when refused. */
  token(clientId: string, clientSecret: string, audience: string, scope?: string): Promise<string>;
  /** A new token of `admin` for the registry itself. */
  adminToken(): Promise<string>;
  /** A token of `admin` for the registry itself, issued at start: for suites that act as the admin throughout. */
  adminBearer: string;
  /**
   * Signs `claims` with the registry's active key, as the token endpoint would: for the tokens the
   * endpoint never issues but an attacker or a slow client may hold (expired ones, say).
   */
  sign(claims: JwtClaims): Promise<string>;
  close(): Promise<void>;
}

export interface RegistryTestOptions {
  topicPrefix?: string;
  /** Extra environment, e.g. `{ KAFKA_BROKERS: '127.0.0.1:1' }` for a registry without Kafka. */
  env?: Record<string, string>;
  /** With `log`, the registry writes its request lines (JSON, on stdout). */
  logLevels?: NestLevel[];
}

/**
 * The registry in-process on a schema of its own (migrated and seeded like `npm start` does),
 * listening on 127.0.0.1:0, with an admin client: for integration tests that need real tokens.
 */
export async function startRegistryTestApp(name: string, options: RegistryTestOptions = {}): Promise<RegistryTestApp> {
  const db = await testDatabase(name);
  const topicPrefix = options.topicPrefix ?? uniqueName(`it-${name}`);
  const kafkaUp = options.env?.['KAFKA_BROKERS'] === undefined;
  let app: NestFastifyApplication | undefined;
  try {
    await migrateRegistry({ databaseUrl: db.url, databaseSchema: db.schema, databasePoolSize: 1 });
    const config = loadRegistryConfig({
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      DATABASE_POOL_SIZE: '5',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REGISTRY_KEY_SECRET: randomBytes(32).toString('base64url'),
      ...options.env,
    });
    // process.stdout: what OutputCapture sees is what the registry writes.
    const started = await createRegistryApp(config, {
      levels: options.logLevels ?? ['error', 'warn'],
      destination: process.stdout,
    });
    app = started;
    await started.listen(0, '127.0.0.1');
    if (kafkaUp) await started.get(AgreementsRelayLifecycle).started();
    const { port } = started.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}${REGISTRY_BASE_PATH}`;
    const database = started.get(RegistryDatabase);
    const clients = started.get(ClientsService);
    const created = await RequestContext.create(database.orm.em, () =>
      clients.create({ ente: '082000', name: 'test admin', scopes: ['admin'], authentication: 'client_secret' }),
    );
    const admin = { clientId: created.client.clientId, clientSecret: created.clientSecret ?? '' };
    const sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
    const token = (clientId: string, clientSecret: string, audience: string, scope?: string): Promise<string> =>
      requestToken(url, clientId, clientSecret, audience, scope);
    // Every token costs a scrypt; the admin's is reused while it is well within its lifetime.
    let adminToken: { value: string; until: number } | undefined;
    const cachedAdminToken = async (): Promise<string> => {
      if (!adminToken || Date.now() > adminToken.until)
        adminToken = {
          value: await token(admin.clientId, admin.clientSecret, 'registry'),
          until: Date.now() + 300_000,
        };
      return adminToken.value;
    };
    return {
      app: started,
      url,
      http: new RegistryHttp(url),
      jwksUrl: `${url}/.well-known/jwks.json`,
      issuer: config.tokenIssuer,
      topicPrefix,
      sql,
      databaseEnv: { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema },
      admin,
      token,
      adminToken: () => token(admin.clientId, admin.clientSecret, 'registry'),
      adminBearer: await cachedAdminToken(),
      sign: async (claims) => signToken(await started.get(KeyRing).signer(), claims, 'at+jwt'),
      async createClient(spec) {
        const response = await fetch(`${url}/clients`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await cachedAdminToken()}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: spec.name ?? `test client ${spec.ente}`,
            authentication: 'client_secret',
            ...spec,
          }),
        });
        const body = (await response.json()) as { clientId?: string; clientSecret?: string; detail?: string };
        if (response.status !== 201 || !body.clientId || !body.clientSecret)
          throw new Error(`Creating a client failed with ${response.status}: ${body.detail ?? JSON.stringify(body)}`);
        return { clientId: body.clientId, clientSecret: body.clientSecret };
      },
      async close() {
        await started.close();
        await sql.end();
        if (kafkaUp) await deleteTopics(name, topicPrefix);
        await db.drop();
      },
    };
  } catch (error) {
    await app?.close();
    await db.drop();
    throw error;
  }
}

async function requestToken(
  url: string,
  clientId: string,
  clientSecret: string,
  audience: string,
  scope?: string,
): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', audience, ...(scope ? { scope } : {}) }),
  });
  const body = (await response.json()) as { access_token?: string; code?: string; detail?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`The registry refused a token (${response.status} ${body.code}): ${body.detail}`);
  return body.access_token;
}

async function deleteTopics(name: string, topicPrefix: string): Promise<void> {
  const admin = await new KafkajsBus(testKafkaBrokers(), uniqueName(`${name}-cleanup`), { silent: true }).admin();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${topicPrefix}.`));
    if (mine.length > 0) await admin.deleteTopics(mine);
  } finally {
    await admin.close();
  }
}
