import { createThemeApp, loadExchangeConfig, migrateThemeSchema } from '@interscambio/exchange';
import type { ExchangeConfig } from '@interscambio/exchange';
import { KafkajsBus } from '@interscambio/messaging';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { tributiTheme } from '../src/tributi.theme';
import { EventCollector } from './event-collector';

export interface TributiTestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** A pool on the test schema, to look at what was (not) stored. */
  sql: Pool;
  config: ExchangeConfig;
  topic(type: string): string;
  /** Collects the events of `types` from the beginning of their (pre-created) topics. */
  collect(...types: string[]): Promise<EventCollector>;
  close(): Promise<void>;
}

/** The tributi service in-process on its own schema and its own topics, migrated like `npm start` does. */
export async function startTributi(name: string, env: Record<string, string> = {}): Promise<TributiTestApp> {
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
      ...env,
    },
    { theme: 'tributi', port: 0 },
  );
  const app = await createThemeApp(tributiTheme, config, ['error', 'warn']);
  const sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('tributi-test'));
  const collectors: EventCollector[] = [];
  const topic = (type: string): string => `${topicPrefix}.tributi.${type}`;
  return {
    app,
    db,
    sql,
    config,
    topic,
    async collect(...types) {
      const collector = await EventCollector.start(bus, types.map(topic));
      collectors.push(collector);
      return collector;
    },
    async close() {
      await Promise.all(collectors.map((c) => c.close()));
      await app.close();
      await sql.end();
      const admin = await bus.admin();
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${topicPrefix}.`));
      if (mine.length > 0) await admin.deleteTopics(mine);
      await admin.close();
      await db.drop();
    },
  };
}
