import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { MessageBus } from '@interscambio/messaging';
import { Pool } from 'pg';
import { testDatabase, testKafkaBrokers } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { createThemeApp, loadExchangeConfig, migrateThemeSchema } from '../src/index';
import type { ThemeOptions } from '../src/index';

export interface RunningTheme {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** Reads the theme's own tables, to count records, outbox rows and processed events. */
  sql: Pool;
}

/**
 * Starts a theme in-process on a database schema of its own, sharing `topicPrefix` with the other
 * themes of a flow test so that their events meet on the same topics.
 */
export async function startFlowTheme(theme: ThemeOptions, name: string, topicPrefix: string): Promise<RunningTheme> {
  const db = await testDatabase(name);
  await migrateThemeSchema(db.url, db.schema);
  const env = { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, KAFKA_BROKERS: testKafkaBrokers().join(',') };
  const config = loadExchangeConfig({ ...env, KAFKA_TOPIC_PREFIX: topicPrefix }, { theme: theme.theme, port: 0 });
  const app = await createThemeApp(theme, config, ['error', 'warn']);
  return { app, db, sql: new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` }) };
}

/** Polls until `read` returns something, for at most 30 s: flows cross Kafka, so they take a while. */
export async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('nothing within 30 s');
}

/** Stops the themes of a flow test (consumers first), drops their schemas and the test's topics. */
export async function stopFlowThemes(themes: RunningTheme[], bus: MessageBus, topicPrefix: string): Promise<void> {
  for (const r of themes) {
    await r.app.close();
    await r.sql.end();
    await r.db.drop();
  }
  const admin = await bus.admin();
  const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${topicPrefix}.`));
  if (mine.length > 0) await admin.deleteTopics(mine);
  await admin.close();
}
