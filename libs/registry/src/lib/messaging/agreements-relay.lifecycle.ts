import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  AGREEMENTS_TOPIC_CONFIG,
  agreementsTopic,
  REVOCATIONS_TOPIC_CONFIG,
  revocationsTopic,
} from '@interscambio/access';
import { OutboxRelay, TopicEnsurer } from '@interscambio/messaging';
import { Observability } from '@interscambio/observability';
import type { MessageBus } from '@interscambio/messaging';
import { RegistrySettings } from '../registry.settings';
import { RegistryDatabase } from '../storage/registry.database';
import { MESSAGE_BUS, PROBE_BUS } from './bus.tokens';

const MAX_BACKOFF_MS = 30_000;

/**
 * Creates the agreements and revocations topics compacted, then runs the outbox relay that publishes to them. Neither
 * is awaited at boot: the registry issues tokens while Kafka is down, and agreement changes wait in
 * the outbox. The relay starts only after the topic exists, so it never creates it uncompacted.
 */
@Injectable()
export class AgreementsRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AgreementsRelay');
  private readonly relay: OutboxRelay;
  private readonly topics: TopicEnsurer;
  private readonly stopping = new AbortController();
  private starting: Promise<boolean> = Promise.resolve(false);

  constructor(
    db: RegistryDatabase,
    private readonly settings: RegistrySettings,
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(PROBE_BUS) probe: MessageBus,
    observability: Observability,
  ) {
    this.relay = OutboxRelay.forService({ db, bus, logger: this.logger, metrics: observability.metrics });
    this.topics = new TopicEnsurer(probe);
  }

  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  /** Resolves true once the topic exists and the relay runs; false if the app stopped first. */
  started(): Promise<boolean> {
    return this.starting;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    await this.relay.stop();
    await this.topics.close();
  }

  private async start(): Promise<boolean> {
    const prefix = this.settings.topicPrefix;
    const ensured = await this.retry('creating the agreements and revocations topics', async () => {
      await this.topics.ensure([agreementsTopic(prefix)], AGREEMENTS_TOPIC_CONFIG);
      await this.topics.ensure([revocationsTopic(prefix)], REVOCATIONS_TOPIC_CONFIG);
    });
    return ensured && this.retry('starting the outbox relay', () => this.relay.start());
  }

  private async retry(what: string, step: () => Promise<void>): Promise<boolean> {
    for (let failures = 0; !this.stopping.signal.aborted; failures++) {
      try {
        await step();
        return true;
      } catch (error) {
        const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures);
        this.logger.warn(
          `${what}: ${error instanceof Error ? error.message : String(error)}; retrying in ${backoff} ms`,
        );
        await sleep(backoff, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
    return false;
  }
}
