import type { Scope } from '@interscambio/access';
import { AgreementPublisher, provaTheme, startThemeTestApp } from '@interscambio/exchange/testing';
import type { ProvaTheme, ThemeTestApp } from '@interscambio/exchange/testing';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { createNotifierApp, loadNotifierConfig, migrateNotifier } from '../src/index';

type InjectOptions = Exclude<Parameters<NestFastifyApplication['inject']>[0], string>;
type InjectResponse = Awaited<ReturnType<NestFastifyApplication['inject']>>;

/** Short retries, so that a receiver down for a few seconds sees several attempts. */
export const FAST_DELIVERY_ENV: Record<string, string> = {
  NOTIFIER_SANDBOX: 'on',
  NOTIFIER_RETRY_BASE_MS: '200',
  NOTIFIER_RETRY_MAX_DELAY_MS: '800',
  NOTIFIER_RETRY_WINDOW_MS: '120000',
  NOTIFIER_POLL_MS: '100',
  NOTIFIER_PAUSE_AFTER_FAILURES: '1000',
};

/**
 * The theme `prova` (pubblico avviso, riservato pratica, personale fascicolo) and a notifier on the
 * same topics, each in a schema of its own, verifying tokens of the same test issuer; a stand-in
 * for the registry publishes agreements.
 */
export class NotifierHarness {
  private constructor(
    readonly prova: ProvaTheme,
    readonly theme: ThemeTestApp,
    readonly db: TestDatabase,
    readonly env: Record<string, string>,
    readonly sql: Pool,
    readonly agreements: AgreementPublisher,
    public notifier: NestFastifyApplication | undefined,
  ) {}

  static async start(
    name: string,
    env: Record<string, string> = FAST_DELIVERY_ENV,
    inProcess = true,
  ): Promise<NotifierHarness> {
    const prova = provaTheme();
    const topicPrefix = uniqueName(`it-${name}`);
    const theme = await startThemeTestApp(prova.theme, name, { KAFKA_TOPIC_PREFIX: topicPrefix });
    const db = await testDatabase(`${name}_notifier`);
    const notifierEnv = {
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      TOKEN_JWKS_URL: theme.issuer.jwksUrl,
      SCHEMAS_DIR: prova.theme.schemasDir as string,
      HOST: '127.0.0.1',
      PORT: '0',
      // Outside the sandbox the signing secrets' key must be given.
      NOTIFIER_SECRET_KEY: 'test-notifier-secret-key-0123456789abcdef',
      ...env,
    };
    const config = loadNotifierConfig(notifierEnv);
    await migrateNotifier(config);
    const notifier = inProcess ? await createNotifierApp(config, { levels: ['error', 'warn'] }) : undefined;
    const sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
    return new NotifierHarness(
      prova,
      theme,
      db,
      notifierEnv,
      sql,
      await AgreementPublisher.start(topicPrefix),
      notifier,
    );
  }

  /** `notifier.inject` as a client of `ente` with scope subscriptions (or the scopes given). */
  call(ente: string, options: InjectOptions, scopes: Scope[] = ['subscriptions']): Promise<InjectResponse> {
    const token = this.theme.issuer.token({ ente, scopes, audience: 'notifier' });
    if (!this.notifier) throw new Error('the notifier of this harness runs as a child process');
    return this.notifier.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...options.headers } });
  }

  /** A new subscription of `ente`; resolves to its id and signing secret. */
  async subscribe(ente: string, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
    const answer = await this.call(ente, { method: 'POST', url: '/notifier/v1/subscriptions', payload: body });
    if (answer.statusCode !== 201) throw new Error(`subscribe: ${answer.statusCode} ${answer.body}`);
    return answer.json<{ id: string; secret: string }>();
  }

  /** PUTs a prova record as its publisher; resolves to the CloudEvent id the write produced. */
  async put(type: string, ente: string, key: string, data: unknown): Promise<void> {
    const answer = await this.theme.call(ente, {
      method: 'PUT',
      url: `/prova/v1/records/${type}/${ente}/${key}`,
      payload: data as object,
    });
    if (answer.statusCode >= 300) throw new Error(`PUT ${type}/${ente}/${key}: ${answer.statusCode} ${answer.body}`);
  }

  /** The CloudEvent ids the theme published for a record, in revision order (from its outbox). */
  async eventIds(ente: string, key: string): Promise<string[]> {
    const { rows } = await this.theme.sql.query<{ id: string }>(
      `select id::text from outbox where key = $1 order by seq`,
      [`${ente}/${key}`],
    );
    return rows.map((r) => r.id);
  }

  /** Resolves once the notifier has consumed (and fanned out) every event of these ids. */
  async consumed(ids: string[]): Promise<void> {
    await until(async () => {
      const { rows } = await this.sql.query<{ n: number }>(
        'select count(*)::int as n from record_event where id = any($1)',
        [ids],
      );
      return rows[0]?.n === ids.length;
    }, `the notifier to consume ${ids.length} event(s)`);
  }

  /**
   * These event ids in the order the notifier logged them: what a replay from an event counts
   * "after". Events of different records come from different partitions, so this need not be the
   * order they were written in, nor the order they were delivered in.
   */
  async loggedOrder(ids: string[]): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string }>(
      'select id from record_event where id = any($1) order by position',
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async deliveries(
    subscription: string,
  ): Promise<{ id: string; status: string; attempts: number; event_id: string }[]> {
    const { rows } = await this.sql.query<{ id: string; status: string; attempts: number; event_id: string }>(
      `select d.id::text, d.status, d.attempts, e.id as event_id from delivery d
       join record_event e on e.position = d.event_position where d.subscription_id = $1 order by d.seq`,
      [subscription],
    );
    return rows;
  }

  async close(): Promise<void> {
    await this.notifier?.close();
    await this.agreements.close();
    await this.sql.end();
    await this.theme.close();
    await this.db.drop();
    this.prova.remove();
  }
}

/** Polls `check` every 100 ms until it holds, for at most 30 s. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
