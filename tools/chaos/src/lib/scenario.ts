import path from 'node:path';
import { Clients } from './clients';
import { checkDelivery } from './delivery';
import type { Delivery } from './delivery';
import { resultsDir } from './figures';
import { freePort } from '@interscambio/testing';
import { pollUntil } from './poll';
import { ServiceOutbox } from './service-outbox';
import { ThemeBuild } from './theme-process';
import type { ServiceEnv, ThemeProcess } from './theme-process';
import { Acknowledgements, ENTI, putRecord, PutLoad, THEME, TYPE, versamento } from './write-load';
import type { PutLoadOptions } from './write-load';

/** The PostgreSQL database and Kafka a scenario's service runs on, and the names it keeps to. */
export interface Infrastructure {
  databaseUrl: string;
  kafkaBrokers: string;
  schema: string;
  topicPrefix: string;
}

/**
 * What every scenario is made of: the tributi service built and migrated, clients with tokens, a
 * view of its outbox, the writes it acknowledged, and the count of where they went at the end.
 */
export class Scenario {
  readonly acks = new Acknowledgements();
  readonly outbox: ServiceOutbox;
  readonly topic: string;
  private current?: ThemeProcess;
  private load?: PutLoad;

  private constructor(
    readonly name: string,
    readonly infrastructure: Infrastructure,
    readonly clients: Clients,
    private readonly build: ThemeBuild,
    private readonly env: ServiceEnv,
    private readonly port: number,
  ) {
    this.outbox = new ServiceOutbox(infrastructure.databaseUrl, infrastructure.schema);
    this.topic = `${infrastructure.topicPrefix}.${THEME}.${TYPE}`;
  }

  static async prepare(name: string, infrastructure: Infrastructure): Promise<Scenario> {
    const clients = await Clients.start(THEME);
    let build: ThemeBuild | undefined;
    try {
      build = await ThemeBuild.compile(THEME);
      const env: ServiceEnv = {
        databaseUrl: infrastructure.databaseUrl,
        schema: infrastructure.schema,
        kafkaBrokers: infrastructure.kafkaBrokers,
        topicPrefix: infrastructure.topicPrefix,
        jwksUrl: clients.jwksUrl,
      };
      await build.migrate(env);
      return new Scenario(name, infrastructure, clients, build, env, await freePort());
    } catch (error) {
      await Promise.all([clients.stop(), build?.remove()]);
      throw error;
    }
  }

  /** The service running now; a restart listens on the same port, so the load finds it again. */
  get service(): ThemeProcess {
    if (!this.current) throw new Error('the service has not been started');
    return this.current;
  }

  async startService(): Promise<ThemeProcess> {
    this.current = await this.build.start(this.env, this.port);
    return this.current;
  }

  startLoad(options: Pick<PutLoadOptions, 'writers' | 'keysPerWriter' | 'pauseMs'>): void {
    this.load = new PutLoad({ ...options, origin: this.service.origin, clients: this.clients, acks: this.acks });
  }

  async stopLoad(): Promise<void> {
    await this.load?.stop();
    this.load = undefined;
  }

  /** Resolves once `count` more writes were acknowledged than when called. */
  async acknowledgedMore(count: number, what: string): Promise<void> {
    const target = this.acks.records.length + count;
    await pollUntil(async () => this.acks.records.length >= target, { timeoutMs: 180_000, what });
  }

  /** PUTs one more record and resolves with the answer's status: a write the service takes again. */
  writeOnce(key: string): Promise<number> {
    const to = { origin: this.service.origin, clients: this.clients, acks: this.acks };
    return putRecord(to, ENTI[0] as string, key, versamento(0));
  }

  /** Waits until the outbox holds nothing unsent and every audit entry is sealed, then counts where every write went. */
  async delivery(): Promise<Delivery> {
    await this.outbox.drained(await this.outbox.lastSeq(), performance.now(), 120_000);
    // The audit sealer (one more connection that lives through the fault) must have caught up too.
    const unsealed = `select 1 from "${this.infrastructure.schema}".audit_pending limit 1`;
    await pollUntil(async () => (await this.outbox.sql.query(unsealed)).rows.length === 0, {
      timeoutMs: 60_000,
      what: 'the audit sealer to seal every entry',
    });
    return checkDelivery({
      acks: this.acks,
      sql: this.outbox.sql,
      schema: this.infrastructure.schema,
      brokers: this.infrastructure.kafkaBrokers,
      topic: this.topic,
      origin: this.service.origin,
      clients: this.clients,
    });
  }

  async close(): Promise<void> {
    await this.stopLoad();
    await this.current?.kill();
    const results = resultsDir();
    const logs = results && path.join(results, `${this.name}-logs`);
    await Promise.all([this.outbox.close(), this.clients.stop(), this.build.remove(logs)]);
  }
}
