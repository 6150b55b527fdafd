import type { ReceivedMessage } from '../message-bus';
import type { OutboxEvent } from '../outbox/outbox-event';
import { fromCloudEventMessage, toCloudEventMessage } from './cloud-event.codec';
import { eventTraceparent } from './trace-context';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const event: OutboxEvent = {
  id: '0193a4b2-7c1e-7d3f-8a2b-5c6d7e8f9a0b',
  topic: 'interscambio.tributi.versamento',
  key: '082053/v-1',
  type: 'it.interscambio.tributi.versamento.updated',
  source: '/enti/082053',
  subject: 'v-1',
  time: '2026-11-24T10:00:00.000Z',
  data: { importo: 5 },
  traceparent: TRACEPARENT,
};

function received(headers: Record<string, string>): ReceivedMessage {
  return { topic: event.topic, partition: 0, offset: '0', key: event.key, value: Buffer.from('{}'), headers };
}

describe('the CloudEvents distributed-tracing extension', () => {
  it('travels as ce_traceparent and reads back through eventTraceparent', () => {
    const message = toCloudEventMessage(event);
    expect(message.headers?.['ce_traceparent']).toBe(TRACEPARENT);
    expect(eventTraceparent(fromCloudEventMessage(received(message.headers ?? {})))).toBe(TRACEPARENT);
  });

  it('is absent from an event that has none', () => {
    const message = toCloudEventMessage({ ...event, traceparent: undefined });
    expect(message.headers).not.toHaveProperty('ce_traceparent');
    expect(eventTraceparent(fromCloudEventMessage(received(message.headers ?? {})))).toBeUndefined();
  });

  it.each([
    ['not W3C', 'abc'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an unknown version', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
  ])('is ignored when a producer sent %s', (_, value) => {
    const headers = { ...toCloudEventMessage(event).headers, ce_traceparent: value };
    expect(eventTraceparent(fromCloudEventMessage(received(headers)))).toBeUndefined();
  });
});
