import path from 'node:path';
import { Clients } from './clients';
import type { Delivery } from './delivery';
import { resultsDir } from './figures';
import { freePort } from '@interscambio/testing';
import { ServiceOutbox } from './service-outbox';
import { ThemeBuild } from './theme-process';
import type { ServiceEnv, ThemeProcess } from './theme-process';
import { ENTI, putRecord, THEME, TYPE, versamento } from './write-load';
import type { Acknowledgements } from './write-load';
import { LoadDriver } from './load-driver';
import { settledDelivery } from './settled-delivery';
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
  readonly outbox: ServiceOutbox;
  readonly topic: string;
  private readonly load: LoadDriver;
  private current?: ThemeProcess;

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
    this.load = new LoadDriver(clients);
  }

  get acks(): Acknowledgements {
    return this.load.acks;
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
    this.load.start(this.service.origin, options);
  }

  /** Starts the service and `load` on it; resolves once it has acknowledged the first 1,000 writes. */
  async startUnderLoad(load: Pick<PutLoadOptions, 'writers' | 'keysPerWriter' | 'pauseMs'>): Promise<ThemeProcess> {
    const service = await this.startService();
    this.startLoad(load);
    await this.acknowledgedMore(1000, '1,000 writes before the fault');
    return service;
  }

  stopLoad(): Promise<void> {
    return this.load.stop();
  }

  acknowledgedMore(count: number, what: string): Promise<void> {
    return this.load.acknowledgedMore(count, what);
  }

  /** PUTs one more record and resolves with the answer's status: a write the service takes again. */
  writeOnce(key: string): Promise<number> {
    const to = { origin: this.service.origin, clients: this.clients, acks: this.acks };
    return putRecord(to, ENTI[0] as string, key, versamento(0));
  }

  /** Once the outbox is drained and the audit sealed: where every write went. */
  delivery(): Promise<Delivery> {
    return settledDelivery({
      outbox: this.outbox,
      schema: this.infrastructure.schema,
      brokers: this.infrastructure.kafkaBrokers,
      topic: this.topic,
      origin: this.service.origin,
      clients: this.clients,
      acks: this.acks,
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
