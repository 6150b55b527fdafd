import type { DatabaseConfig } from '@interscambio/config';
import { rateLimitMigrations } from '@interscambio/access';
import { messagingMigrations, ProcessedEvent } from '@interscambio/messaging';
import { ServiceDatabase } from '@interscambio/persistence';
import { notifierMigrations } from './notifier.migrations';

const allNotifierMigrations = [...messagingMigrations, ...rateLimitMigrations, ...notifierMigrations];

/**
 * The notifier's schema: the ORM for migrations and the consumers' processed_event marks, a pool
 * for its own SQL (subscriptions, the delivery outbox).
 */
export class NotifierDatabase extends ServiceDatabase {
  /** `consumers`: transactions the consumer groups hold at once (their processed_event marks). */
  static async open(config: DatabaseConfig, log: (m: string) => void, consumers = 2): Promise<NotifierDatabase> {
    const [orm, pool] = await ServiceDatabase.connect(
      config,
      {
        service: 'notifier',
        entities: [ProcessedEvent],
        migrations: allNotifierMigrations,
        ormPoolSize: consumers + 2,
      },
      log,
    );
    return new NotifierDatabase(orm, pool, config.databaseSchema);
  }
}

/** The `migrate` command: never run at boot, where replicas would race. */
export async function migrateNotifier(config: DatabaseConfig): Promise<string[]> {
  return ServiceDatabase.migrateAndClose(
    await NotifierDatabase.open({ ...config, databasePoolSize: 1 }, () => undefined),
  );
}
