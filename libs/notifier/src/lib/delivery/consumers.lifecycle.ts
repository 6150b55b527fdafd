import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import {
  AGREEMENTS_TOPIC_CONFIG,
  agreementsTopic,
  REVOCATIONS_TOPIC_CONFIG,
  revocationsTopic,
} from '@interscambio/access';
import { ConsumerGroups } from '@interscambio/messaging';
import type { MessageBus } from '@interscambio/messaging';
import { projectRevocation } from '../access/revocations.projection';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { projectAgreement } from './agreements.projection';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { fanOut } from './fan-out';

export const MESSAGE_BUS = Symbol('NOTIFIER_MESSAGE_BUS');

/**
 * The notifier's consumer groups — every theme's agreements, the registry's revocations, every
 * record topic — started in
 * the background until Kafka answers (the API serves meanwhile), each from the beginning the first
 * time, so events published before the notifier first ran are in its log for replays.
 */
@Injectable()
export class NotifierConsumersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly groups: ConsumerGroups;

  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus,
    private readonly db: NotifierDatabase,
    settings: NotifierSettings,
    dispatcher: DeliveryDispatcher,
  ) {
    const logger = new Logger('NotifierConsumers');
    const groupId = (name: string): string => `${settings.topicPrefix}.notifier.${name}`;
    this.groups = new ConsumerGroups(
      bus,
      [
        {
          groupId: groupId('agreements'),
          topics: [agreementsTopic(settings.topicPrefix)],
          topicConfig: { ...AGREEMENTS_TOPIC_CONFIG },
          handler: (event) => projectAgreement(event, db),
          fromBeginning: true,
        },
        {
          groupId: groupId('revocations'),
          topics: [revocationsTopic(settings.topicPrefix)],
          topicConfig: { ...REVOCATIONS_TOPIC_CONFIG },
          handler: (event) => projectRevocation(event, db),
          fromBeginning: true,
        },
        {
          groupId: groupId('deliveries'),
          topics: settings.recordTopics(),
          handler: async (event) => {
            if ((await fanOut(event, db, settings)) > 0) dispatcher.wake();
          },
          fromBeginning: true,
          // fanOut logs each event once under its id: no processed_event mark needed around it.
          idempotentHandler: true,
          // A record's events share a key, so a partition: its order still holds.
          partitionsConcurrently: settings.delivery.consumerPartitions,
        },
      ],
      (m) => logger.warn(m),
    );
  }

  onApplicationBootstrap(): void {
    this.groups.start(this.db.orm);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.groups.stop();
  }
}
