import { parseRevocationState, REVOCATIONS_TOPIC_CONFIG, revocationsTopic } from '@interscambio/access';
import type { ExchangeSettings } from '../exchange.settings';
import type { ServiceConsumer } from './service-consumer';
import type { Database } from '../storage/database';

/**
 * Keeps the `revocation` table in step with the registry's topic; every replica reads the table
 * (RevocationsLifecycle), while the topic goes to one of them. An older version changes nothing.
 */
export function revocationsConsumer(settings: ExchangeSettings, db: Database): ServiceConsumer {
  const table = db.table('revocation');
  return {
    name: 'revocations',
    topics: [revocationsTopic(settings.topicPrefix)],
    topicConfig: { ...REVOCATIONS_TOPIC_CONFIG },
    handle: async (event, em) => {
      if (event.data === null) {
        await em.execute(`delete from ${table} where kind || ':' || subject = ?`, [event.key]);
        return;
      }
      const r = parseRevocationState(event.data);
      await em.execute(
        `insert into ${table} as r (kind, subject, client_id, revoked, since, version) values (?, ?, ?, ?, ?, ?)
         on conflict (kind, subject) do update set client_id = excluded.client_id, revoked = excluded.revoked,
           since = excluded.since, version = excluded.version
         where r.version < excluded.version`,
        [r.kind, r.subject, r.clientId, r.revoked, r.since, r.version],
      );
    },
  };
}
