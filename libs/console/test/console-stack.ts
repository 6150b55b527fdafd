import type { AddressInfo } from 'node:net';
import { provaTheme, startThemeTestApp } from '@interscambio/exchange/testing';
import type { ProvaTheme, ThemeTestApp } from '@interscambio/exchange/testing';
import { EventConsumer, KafkajsBus, messagingMigrations, ProcessedEvent, TopicEnsurer } from '@interscambio/messaging';
import type { CloudEvent } from '@interscambio/messaging';
import { openOrm } from '@interscambio/persistence';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { createConsoleApp, loadConsoleConfig, migrateConsole } from '../src/index';
import { RegistryOperators } from './registry-operators';

export const OPERATOR = { email: 'operatrice@prova.interscambio.it', password: 'una-password-di-prova-lunga' };

/**
 * The real stack the console watches, in this process: the theme `prova` listening on HTTP (its
 * /status and /metrics scraped like any service), a consumer group that fails on purpose while told
 * to, and the console itself on a port of its own, all on real PostgreSQL and Kafka.
 */
export class ConsoleStack {
  private constructor(
    /** While `failing` is true, the failing group throws on every event (and sends it to the .dlq). */
    readonly group: { failing: boolean; seen: Map<string, CloudEvent>; handled: Map<string, CloudEvent> },
    readonly prova: ProvaTheme,
    readonly theme: ThemeTestApp,
    readonly db: TestDatabase,
    /** A pool on the console's own schema (sessions, dead letters and their audit). */
    readonly sql: Pool,
    /** Where the operators' accounts are kept: the registry's schema. */
    readonly registry: RegistryOperators,
    readonly console: NestFastifyApplication,
    readonly consoleUrl: string,
    readonly failingGroup: string,
    private readonly consumer: EventConsumer,
    private readonly orm: MikroORM,
  ) {}

  static async start(name: string): Promise<ConsoleStack> {
    const prova = provaTheme();
    const theme = await startThemeTestApp(prova.theme, name);
    await theme.app.listen(0, '127.0.0.1');
    const themePort = (theme.app.getHttpServer().address() as AddressInfo).port;
    const db = await testDatabase(`${name}_console`);
    const registry = await RegistryOperators.create(name);
    await registry.accounts.save({ ...OPERATOR, displayName: 'Operatrice di prova' });
    const config = loadConsoleConfig({
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: theme.topicPrefix,
      CONSOLE_SERVICES: `prova=http://127.0.0.1:${themePort}`,
      CONSOLE_SCHEMAS: `prova=${theme.db.schema}`,
      CONSOLE_REGISTRY_SCHEMA: registry.schema,
      SCHEMAS_DIR: prova.theme.schemasDir as string,
      CONSOLE_SECURE_COOKIES: 'off',
      HOST: '127.0.0.1',
      PORT: '0',
    });
    await migrateConsole(config);
    const sql = new Pool({ connectionString: db.url, max: 1, options: `-c search_path=${db.schema}` });
    const app = await createConsoleApp(config, { levels: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    const consoleUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    // The failing consumer keeps its processed marks in the theme's schema, where the console looks for them.
    const orm = await openOrm({
      url: theme.db.url,
      schema: theme.db.schema,
      entities: [ProcessedEvent],
      migrations: messagingMigrations,
      poolSize: 2,
    });
    const bus = new KafkajsBus(testKafkaBrokers(), uniqueName(`${name}-failing`), { silent: true });
    const topic = `${theme.topicPrefix}.prova.avviso`;
    const ensurer = new TopicEnsurer(bus);
    await ensurer.ensure([topic]);
    await ensurer.close();
    const failingGroup = uniqueName(`${name}-failing`);
    const group = { failing: true, seen: new Map<string, CloudEvent>(), handled: new Map<string, CloudEvent>() };
    const consumer = new EventConsumer({
      bus,
      orm,
      groupId: failingGroup,
      topics: [topic],
      fromBeginning: true,
      maxAttempts: 1,
      handler: async (event) => {
        group.seen.set(event.id, event);
        if (group.failing) throw new Error('rifiutato di proposito dal test');
        group.handled.set(event.id, event);
      },
      log: () => undefined,
    });
    await consumer.start();
    return new ConsoleStack(group, prova, theme, db, sql, registry, app, consoleUrl, failingGroup, consumer, orm);
  }

  /** PUTs an avviso as ente `ente`; resolves to the id of the event it produced. */
  async publish(ente: string, key: string): Promise<string> {
    const answer = await this.theme.call(ente, {
      method: 'PUT',
      url: `/prova/v1/records/avviso/${ente}/${key}`,
      payload: { anno: 2026, nota: 'dalla prova della console' },
    });
    if (answer.statusCode >= 300) throw new Error(`PUT avviso: ${answer.statusCode} ${answer.body}`);
    const { rows } = await this.theme.sql.query<{ id: string }>(`select id::text from outbox where key = $1`, [
      `${ente}/${key}`,
    ]);
    if (!rows[0]) throw new Error('no outbox row for the record just written');
    return rows[0].id;
  }

  async close(): Promise<void> {
    await this.consumer.stop();
    await this.orm.close();
    await this.console.close();
    await this.theme.close();
    await this.sql.end();
    await this.db.drop();
    await this.registry.close();
    this.prova.remove();
  }
}
