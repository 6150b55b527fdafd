import { randomUUID } from 'node:crypto';
import { migrate, openOrm } from '@interscambio/persistence';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { messagingMigrations } from '../src/lib/migrations';
import { appendOutbox } from '../src/lib/outbox/append-outbox';
import { ProcessedEvent } from '../src/lib/processed-event.entity';
import type { OutboxEvent } from '../src/lib/outbox/outbox-event';
import type { KafkajsBus } from '../src/lib/kafkajs.bus';

export interface OutboxDatabase {
  db: TestDatabase;
  pool: Pool;
  /** Appends the events in one committed transaction. */
  append(events: OutboxEvent[]): Promise<void>;
  pending(): Promise<number>;
  close(): Promise<void>;
}

export interface MessagingSchema {
  db: TestDatabase;
  orm: MikroORM;
  close(): Promise<void>;
}

/**
 * A fresh schema (a test database named `name`) with the messaging migrations applied, and an ORM
 * on it that knows ProcessedEvent and `entities`; `close()` closes the ORM and drops the schema.
 */
export async function messagingSchema(
  name: string,
  entities: (abstract new (...args: never[]) => object)[] = [],
): Promise<MessagingSchema> {
  const db = await testDatabase(name);
  const orm = await openOrm({
    url: db.url,
    schema: db.schema,
    entities: [ProcessedEvent, ...entities],
    migrations: messagingMigrations,
  });
  await migrate(orm);
  return {
    db,
    orm,
    async close() {
      await orm.close();
      await db.drop();
    },
  };
}

/** A fresh schema with the messaging migrations applied, and a pool on it. */
export async function outboxDatabase(): Promise<OutboxDatabase> {
  const { db, orm } = await messagingSchema('outbox');
  await orm.close();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  return {
    db,
    pool,
    append: async (events) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await appendOutbox(client, db.schema, events);
        await client.query('commit');
      } finally {
        client.release();
      }
    },
    pending: async () =>
      Number((await pool.query(`select count(*) as n from "${db.schema}".outbox where sent_at is null`)).rows[0].n),
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}

/** Change number `n` of record `<ente>/<key>`, as the write path would append it. */
export function recordEvent(topic: string, ente: string, key: string, n: number): OutboxEvent {
  return {
    id: randomUUID(),
    topic,
    key: `${ente}/${key}`,
    type: 'it.interscambio.tributi.posizione-debitoria.updated',
    source: `/enti/${ente}`,
    subject: key,
    time: new Date().toISOString(),
    dataschema: 'https://interscambio.example/schemas/tributi/posizione-debitoria/1.json',
    data: { codice: key, n },
    headers: { 'interscambio-visibility': 'riservato' },
  };
}

/** Closes `outbox` (its schema dropped) and deletes whichever of `topics` the test created. */
export async function removeOutboxAndTopics(outbox: OutboxDatabase, bus: KafkajsBus, topics: string[]): Promise<void> {
  await outbox.close();
  const admin = await bus.admin();
  const existing = await admin.listTopics();
  await admin.deleteTopics(topics.filter((t) => existing.includes(t)));
  await admin.close();
}
