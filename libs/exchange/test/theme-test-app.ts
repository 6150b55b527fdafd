import type { Scope } from '@interscambio/access';
import { TestIssuer } from '@interscambio/access/testing';
import { KafkajsBus } from '@interscambio/messaging';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NestLevel } from '@interscambio/observability';
import { Pool } from 'pg';
import { createThemeApp, loadExchangeConfig, migrateThemeSchema } from '../src/index';
import type { ExchangeConfig, ThemeOptions } from '../src/index';

type InjectOptions = Exclude<Parameters<NestFastifyApplication['inject']>[0], string>;
type InjectResponse = Awaited<ReturnType<NestFastifyApplication['inject']>>;

export interface ThemeTestApp {
  app: NestFastifyApplication;
  /** The theme it serves, to start a replica of it on the same `config`. */
  theme: ThemeOptions;
  db: TestDatabase;
  /** A pool on the test's own schema, to look at what was (not) stored. */
  sql: Pool;
  config: ExchangeConfig;
  topicPrefix: string;
  /** Signs the tokens the service verifies, through a JWKS served over HTTP. */
  issuer: TestIssuer;
  /** The Authorization header of a client of `ente` (records:read and records:write unless told). */
  as(ente: string, scopes?: Scope[]): { authorization: string };
  /** `app.inject` as a client of `ente` with records:read and records:write. */
  call(ente: string, options: InjectOptions): Promise<InjectResponse>;
  close(): Promise<void>;
}

/**
 * A theme service in-process on a schema and topics of its own, migrated like `npm start` does,
 * verifying tokens of a TestIssuer. `env` adds or overrides variables (e.g. a shared topic prefix);
 * `logLevels` with `log` makes it write its request and event lines.
 */
export async function startThemeTestApp(
  theme: ThemeOptions,
  name: string,
  env: Record<string, string> = {},
  logLevels: NestLevel[] = ['error', 'warn'],
): Promise<ThemeTestApp> {
  const db = await testDatabase(name);
  await migrateThemeSchema(db.url, db.schema);
  const issuer = await TestIssuer.start();
  const config = loadExchangeConfig(
    {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: uniqueName(`it-${name}`),
      PORT: '0',
      HOST: '127.0.0.1',
      TOKEN_JWKS_URL: issuer.jwksUrl,
      RECEIPT_KEY_SECRET: `receipts-of-${name}-signed-in-tests-only`,
      ...env,
    },
    { theme: theme.theme, port: 0 },
  );
  // process.stdout: what OutputCapture sees is what the service writes.
  const app = await createThemeApp(theme, config, { levels: logLevels, destination: process.stdout });
  const sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
  const as = (ente: string, scopes: Scope[] = ['records:read', 'records:write']): { authorization: string } => ({
    authorization: `Bearer ${issuer.token({ ente, scopes, audience: theme.theme })}`,
  });
  return {
    app,
    theme,
    db,
    sql,
    config,
    topicPrefix: config.topicPrefix,
    issuer,
    as,
    call: (ente, options) => app.inject({ ...options, headers: { ...as(ente), ...options.headers } }),
    async close() {
      await app.close();
      await sql.end();
      await issuer.stop();
      const admin = await new KafkajsBus(testKafkaBrokers(), uniqueName(`${name}-cleanup`)).admin();
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${config.topicPrefix}.`));
      if (mine.length > 0) await admin.deleteTopics(mine);
      await admin.close();
      await db.drop();
    },
  };
}
