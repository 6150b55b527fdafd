import { AGREEMENTS_TOPIC_CONFIG, agreementEvent, agreementsTopic } from '@interscambio/access';

import type { AgreementState } from '@interscambio/access';
import { KafkajsBus, toCloudEventMessage, TopicEnsurer } from '@interscambio/messaging';

import type { BusProducer } from '@interscambio/messaging';
import { eventually, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import type { Pool } from 'pg';

/**
 * An agreement of theme `prova`, active, version 1, unless told otherwise; one for `fascicolo`
 * (personale) names all its fields unless told otherwise, as the registry requires some.
 */
export function agreementState(
  fields: Pick<AgreementState, 'id' | 'consumer' | 'publisher' | 'type'> & Partial<AgreementState>,
): AgreementState {
  return {
    scope: 'ente',
    theme: 'prova',
    purpose: null,
    fields: fields.type === 'fascicolo' ? ['/anno', '/nota'] : null,
    status: 'active',
    version: 1,
    changedAt: new Date().toISOString(),
    ...fields,
  };
}

/**
 * Stands in for the registry: publishes agreement states to `<topicPrefix>.registry.agreements`
 * with the registry's own agreementEvent, as its outbox relay does (binary-mode CloudEvent, key = agreement id, compacted topic).
 */
export class AgreementPublisher {
  private constructor(
    private readonly topicPrefix: string,
    private readonly topic: string,
    private readonly producer: BusProducer,
  ) {}

  static async start(topicPrefix: string): Promise<AgreementPublisher> {
    const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('agreements-test'), { silent: true });
    const topic = agreementsTopic(topicPrefix);
    const topics = new TopicEnsurer(bus);
    await topics.ensure([topic], AGREEMENTS_TOPIC_CONFIG);
    await topics.close();
    return new AgreementPublisher(topicPrefix, topic, await bus.producer());
  }

  /** Sends one state; resolves to the CloudEvent id once Kafka has it. */
  async publish(state: AgreementState): Promise<string> {
    const event = agreementEvent(state, this.topicPrefix);
    await this.producer.send(this.topic, [toCloudEventMessage(event)]);
    return event.id;
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

/**
 * Waits until the service's agreements consumer has handled these events (it marks each id in
 * processed_event, in the transaction of its effect), whatever the effect was.
 */
export async function agreementsHandled(sql: Pool, eventIds: string[]): Promise<void> {
  await eventually(async () => {
    const { rows } = await sql.query<{ n: number }>(
      'select count(*)::int as n from processed_event where event_id = any($1)',
      [eventIds],
    );
    return rows[0]?.n === eventIds.length ? true : undefined;
  });
}
