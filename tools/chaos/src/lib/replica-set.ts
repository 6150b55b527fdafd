import { KafkajsBus } from '@interscambio/messaging';

import { eventually, freePort } from '@interscambio/testing';

import { Clients } from './clients';

import type { Delivery } from './delivery';

import { RoundRobin } from './round-robin';

import type { Infrastructure } from './scenario';
import { ServiceOutbox } from './service-outbox';

import { ThemeBuild } from './theme-process';

import type { ServiceEnv, ThemeProcess } from './theme-process';
import { THEME, TYPE } from './write-load';

import { LoadDriver } from './load-driver';

import { settledDelivery } from './settled-delivery';

/**
 * `count` replicas of the tributi service on one schema and one topic prefix, built once, each a
 * process of its own, behind a round-robin balancer: the load goes to the balancer.
 */
export class ReplicaSet {
  readonly outbox: ServiceOutbox;
  readonly load: LoadDriver;

  private constructor(
    readonly infrastructure: Infrastructure,
    readonly clients: Clients,
    private readonly build: ThemeBuild,
    readonly replicas: ThemeProcess[],
    readonly balancer: RoundRobin,
  ) {
    this.outbox = new ServiceOutbox(infrastructure.databaseUrl, infrastructure.schema);
    this.load = new LoadDriver(clients);
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
      await eventually(async () => (await admin.groupMembers(this.agreementsGroup)).length === count, {
        timeoutMs: 90_000,
        what,
        intervalMs: 500,
      });
    } finally {
      await admin.close();
    }
  }

  /** Once the outbox is drained and the audit sealed: where every write went, the feed read through the balancer. */
  delivery(): Promise<Delivery> {
    const { schema, kafkaBrokers, topicPrefix } = this.infrastructure;
    return settledDelivery({
      outbox: this.outbox,
      schema,
      brokers: kafkaBrokers,
      topic: `${topicPrefix}.${THEME}.${TYPE}`,
      origin: this.balancer.origin,
      clients: this.clients,
      acks: this.load.acks,
    });
  }

  async close(): Promise<void> {
    await this.load.stop();
    await this.balancer.close();
    await Promise.all(this.replicas.map((r) => r.stop()));
    await Promise.all([this.outbox.close(), this.clients.stop(), this.build.remove()]);
  }
}
