import { randomBytes, randomUUID } from 'node:crypto';

import { agreementEvent, agreementsTopic } from '@interscambio/access';

import { KafkajsBus, toCloudEventMessage } from '@interscambio/messaging';

import type { Pool } from 'pg';
import { eventually } from '@interscambio/testing';

import { secondsSince } from './elapsed';

import { ENTI, THEME } from './write-load';

/**
 * Proves the service's Kafka consumers came back with the broker: publishes an agreement as the
 * registry would (on `<prefix>.registry.agreements`) and resolves with the seconds until the
 * service's agreements projection stored it. The type is not the scenario's, so the feed each
 * ente reads stays its own.
 */
export async function agreementReachesService(
  brokers: string,
  topicPrefix: string,
  sql: Pool,
  schema: string,
): Promise<number> {
  const [publisher, consumer] = ENTI as [string, string];
  const id = randomUUID();
  const event = agreementEvent(
    {
      id,
      consumer,
      publisher,
      scope: 'ente',
      theme: THEME,
      type: 'posizione-debitoria',
      purpose: null,
      fields: null,
      status: 'active',
      version: 1,
      changedAt: new Date().toISOString(),
    },
    topicPrefix,
  );
  const bus = new KafkajsBus(brokers.split(','), `chaos-registry-${randomBytes(4).toString('hex')}`, { silent: true });
  const producer = await bus.producer();
  const sentAt = performance.now();
  try {
    await producer.send(agreementsTopic(topicPrefix), [toCloudEventMessage(event)]);
  } finally {
    await producer.close();
  }
  await eventually(
    async () => (await sql.query(`select 1 from "${schema}".agreement where id = $1`, [id])).rows.length > 0,
    { timeoutMs: 120_000, what: 'the service to store an agreement published after the outage' },
  );
  return secondsSince(sentAt);
}
