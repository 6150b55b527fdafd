import { KafkajsBus } from '@interscambio/messaging';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { createThemeApp, loadExchangeConfig, migrateThemeSchema } from '../src/index';
import type { ThemeOptions } from '../src/index';

export interface ThemeTestApp {
  app: NestFastifyApplication;
  /** A pool on the test's own schema, to look at what was (not) stored. */
  sql: Pool;
  close(): Promise<void>;
}

/** A theme service in-process on a schema and topics of its own, migrated like `npm start` does. */
export async function startThemeTestApp(theme: ThemeOptions, name: string): Promise<ThemeTestApp> {
  const db = await testDatabase(name);
  await migrateThemeSchema(db.url, db.schema);
  const topicPrefix = uniqueName(`it-${name}`);
  const config = loadExchangeConfig(
    {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      PORT: '0',
      HOST: '127.0.0.1',
    },
    { theme: theme.theme, port: 0 },
  );
  const app = await createThemeApp(theme, config, ['error', 'warn']);
  const sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
  return {
    app,
    sql,
    async close() {
      await app.close();
      await sql.end();
      const admin = await new KafkajsBus(testKafkaBrokers(), uniqueName(`${name}-cleanup`)).admin();
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${topicPrefix}.`));
      if (mine.length > 0) await admin.deleteTopics(mine);
      await admin.close();
      await db.drop();
    },
  };
}
