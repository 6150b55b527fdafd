import { KafkajsBus } from '@interscambio/messaging';
import { freePort } from '@interscambio/testing';
import { Clients } from './clients';
import { checkDelivery } from './delivery';
import type { Delivery } from './delivery';
import { pollUntil } from './poll';
import { RoundRobin } from './round-robin';
import type { Infrastructure } from './scenario';
import { ServiceOutbox } from './service-outbox';
import { ThemeBuild } from './theme-process';
import type { ServiceEnv, ThemeProcess } from './theme-process';
import { Acknowledgements, PutLoad, THEME, TYPE } from './write-load';
import type { PutLoadOptions } from './write-load';

/**
 * `count` replicas of the tributi service on one schema and one topic prefix, built once, each a
 * process of its own, behind a round-robin balancer: the load goes to the balancer.
 */
export class ReplicaSet {
  readonly acks = new Acknowledgements();
  readonly outbox: ServiceOutbox;
  private load?: PutLoad;

  private constructor(
    readonly infrastructure: Infrastructure,
    readonly clients: Clients,
    private readonly build: ThemeBuild,
    readonly replicas: ThemeProcess[],
    readonly balancer: RoundRobin,
  ) {
    this.outbox = new ServiceOutbox(infrastructure.databaseUrl, infrastructure.schema);
  }

  static async start(infrastructure: Infrastructure, count: number): Promise<ReplicaSet> {
    const clients = await Clients.start(THEME);
    const build = await ThemeBuild.compile(THEME);
    const replicas: ThemeProcess[] = [];
    try {
      const env: ServiceEnv = { ...infrastructure, jwksUrl: clients.jwksUrl };
      await build.migrate(env);
      const ports = [];
      for (let i = 0; i < count; i++) ports.push(await freePort());
      const started = await Promise.allSettled(ports.map((port) => build.start(env, port)));
      for (const s of started) if (s.status === 'fulfilled') replicas.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const balancer = await RoundRobin.start(replicas.map((r) => r.origin));
      return new ReplicaSet(infrastructure, clients, build, replicas, balancer);
    } catch (error) {
      await Promise.all(replicas.map((r) => r.kill()));
      await Promise.all([clients.stop(), build.remove()]);
      throw error;
    }
  }

  /** The consumer group of the service's agreements projection: one member per replica. */
  get agreementsGroup(): string {
    return `${this.infrastructure.topicPrefix}.${THEME}.agreements`;
  }

  /** Resolves once the group has exactly `count` members: joined, or rebalanced after one was lost. */
  async groupHasMembers(count: number, what: string): Promise<void> {
    const bus = new KafkajsBus(this.infrastructure.kafkaBrokers.split(','), 'chaos-group-watch', { silent: true });
    const admin = await bus.admin();
    try {
      await pollUntil(async () => (await admin.groupMembers(this.agreementsGroup)).length === count, {
        timeoutMs: 90_000,
        what,
        intervalMs: 500,
      });
    } finally {
      await admin.close();
    }
  }

  startLoad(options: Pick<PutLoadOptions, 'writers' | 'keysPerWriter' | 'pauseMs'>): void {
    this.load = new PutLoad({ ...options, origin: this.balancer.origin, clients: this.clients, acks: this.acks });
  }

  async stopLoad(): Promise<void> {
    await this.load?.stop();
    this.load = undefined;
  }

  async acknowledgedMore(count: number, what: string): Promise<void> {
    const target = this.acks.records.length + count;
    await pollUntil(async () => this.acks.records.length >= target, { timeoutMs: 180_000, what });
  }

  /** Once every row is sent and every audit entry sealed: where each write went, read through the balancer. */
  async delivery(): Promise<Delivery> {
    const { schema, kafkaBrokers, topicPrefix } = this.infrastructure;
    await this.outbox.drained(await this.outbox.lastSeq(), performance.now(), 120_000);
    await pollUntil(
      async () => (await this.outbox.sql.query(`select 1 from "${schema}".audit_pending limit 1`)).rows.length === 0,
      { timeoutMs: 60_000, what: 'the audit sealer to seal every entry' },
    );
    return checkDelivery({
      acks: this.acks,
      sql: this.outbox.sql,
      schema,
      brokers: kafkaBrokers,
      topic: `${topicPrefix}.${THEME}.${TYPE}`,
      origin: this.balancer.origin,
      clients: this.clients,
    });
  }

  async close(): Promise<void> {
    await this.stopLoad();
    await this.balancer.close();
    await Promise.all(this.replicas.map((r) => r.stop()));
    await Promise.all([this.outbox.close(), this.clients.stop(), this.build.remove()]);
  }
}
