import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxRelay } from '@interscambio/messaging';
import { Observability } from '@interscambio/observability';
import type { MessageBus } from '@interscambio/messaging';
import { Database } from '../storage/database';
import { MESSAGE_BUS } from './message-bus.token';

/** The outbox relay runs as long as the app does: started at bootstrap, drained at shutdown. */
@Injectable()
export class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly relay: OutboxRelay;

  constructor(db: Database, @Inject(MESSAGE_BUS) bus: MessageBus, observability: Observability) {
    this.relay = OutboxRelay.forService({ db, bus, logger: this.logger, metrics: observability.metrics });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
