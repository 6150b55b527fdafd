import type { Clients } from './clients';
import { checkDelivery } from './delivery';

import type { Delivery } from './delivery';
import { eventually } from '@interscambio/testing';

import type { ServiceOutbox } from './service-outbox';
import type { Acknowledgements } from './write-load';

export interface SettledDeliverySources {
  outbox: ServiceOutbox;
  schema: string;
  brokers: string;
  topic: string;
  /** Where the feed is read: the service, or the balancer in front of its replicas. */
  origin: string;
  clients: Clients;
  acks: Acknowledgements;
}

/** Waits until the outbox holds nothing unsent and every audit entry is sealed, then counts where every write went. */
export async function settledDelivery(s: SettledDeliverySources): Promise<Delivery> {
  await s.outbox.drained(await s.outbox.lastSeq(), performance.now(), 120_000);
  // The audit sealer (one more connection that lives through the fault) must have caught up too.
  const unsealed = `select 1 from "${s.schema}".audit_pending limit 1`;
  await eventually(async () => (await s.outbox.sql.query(unsealed)).rows.length === 0, {
    timeoutMs: 60_000,
    what: 'the audit sealer to seal every entry',
  });
  return checkDelivery({ ...s, sql: s.outbox.sql });
}
