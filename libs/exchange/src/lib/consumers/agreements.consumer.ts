import { AGREEMENTS_TOPIC_CONFIG, agreementsTopic, parseAgreementState } from '@interscambio/access';
import type { ExchangeSettings } from '../exchange.settings';
import type { ServiceConsumer } from './service-consumer';
import type { Database } from '../storage/database';

/**
 * Keeps the `agreement` table in step with the registry's topic: the latest version of each
 * agreement for this theme's types. A redelivered or older version changes nothing.
 */
export function agreementsConsumer(settings: ExchangeSettings, db: Database): ServiceConsumer {
  const table = db.table('agreement');
  return {
    name: 'agreements',
    topics: [agreementsTopic(settings.topicPrefix)],
    topicConfig: { ...AGREEMENTS_TOPIC_CONFIG },
    handle: async (event, em) => {
      if (event.data === null) {
        await em.execute(`delete from ${table} where id = ?`, [event.key]);
        return;
      }
      const a = parseAgreementState(event.data);
      if (a.theme !== settings.theme) return;
      await em.execute(
        `insert into ${table} as a (id, consumer, scope, publisher, type, purpose, fields, status, version, changed_at)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
         on conflict (id) do update set consumer = excluded.consumer, scope = excluded.scope,
           publisher = excluded.publisher, type = excluded.type, purpose = excluded.purpose,
           fields = excluded.fields, status = excluded.status, version = excluded.version,
           changed_at = excluded.changed_at
         where a.version < excluded.version`,
        [
          a.id,
          a.consumer,
          a.scope,
          a.publisher,
          a.type,
          a.purpose,
          a.fields ? JSON.stringify(a.fields) : null,
          a.status,
          a.version,
          a.changedAt,
        ],
      );
    },
  };
}
