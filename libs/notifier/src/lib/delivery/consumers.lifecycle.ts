import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { agreementsProjection, revocationsProjection } from '@interscambio/access';
import { ConsumerGroups } from '@interscambio/messaging';
import type { CloudEvent, MessageBus } from '@interscambio/messaging';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
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
    // The agreements of every theme, and the registry's revocations.
    const projections = [
      agreementsProjection(settings.topicPrefix, { name: 'agreement', placeholders: '$n' }),
      revocationsProjection(settings.topicPrefix, { name: 'revocation', placeholders: '$n' }),
    ];
    this.groups = new ConsumerGroups(
      bus,
      [
        ...projections.map((p) => ({
          groupId: groupId(p.name),
          topics: [p.topic],
          topicConfig: { ...p.topicConfig },
          handler: (event: CloudEvent) => p.project(event, (sql, values) => db.pool.query(sql, values)),
          fromBeginning: true,
        })),
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
