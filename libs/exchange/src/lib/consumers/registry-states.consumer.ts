import { agreementsProjection, revocationsProjection } from '@interscambio/access';
import type { StateTable } from '@interscambio/access';
import type { ExchangeSettings } from '../exchange.settings';
import type { ServiceConsumer } from './service-consumer';
import type { Database } from '../storage/database';

/**
 * Keep the `agreement` table (the agreements of this theme's types) and the `revocation` table in
 * step with the registry's topics, in the transaction that marks each event processed. Every replica
 * reads the revocations (RevocationsLifecycle), while the topic goes to one of them.
 */
export function registryStateConsumers(settings: ExchangeSettings, db: Database): ServiceConsumer[] {
  const table = (name: string): StateTable => ({ name: db.table(name), placeholders: '?' });
  const projections = [
    agreementsProjection(settings.topicPrefix, table('agreement'), settings.theme),
    revocationsProjection(settings.topicPrefix, table('revocation')),
  ];
  return projections.map((p) => ({
    name: p.name,
    topics: [p.topic],
    topicConfig: { ...p.topicConfig },
    handle: (event, em) => p.project(event, (sql, values) => em.execute(sql, values)),
  }));
}
