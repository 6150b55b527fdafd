import type { ReceivedMessage } from '../message-bus';
import { InvalidCloudEventError } from '../messaging.errors';
import type { OutboxEvent } from '../outbox/outbox-event';
import { fromCloudEventMessage, toCloudEventMessage } from './cloud-event.codec';
import { eventCorrelationId, eventRevision, eventVisibility } from './interscambio-attributes';

const event: OutboxEvent = {
  id: '0193a4b2-7c1e-7d3f-8a2b-5c6d7e8f9a0b',
  topic: 'interscambio.tributi.posizione-debitoria',
  key: '082053/pos-1',
  type: 'it.interscambio.tributi.posizione-debitoria.updated',
  source: '/enti/082053',
  subject: 'pos-1',
  time: '2026-11-24T10:00:00.000Z',
  dataschema: 'https://interscambio.example/schemas/tributi/posizione-debitoria/1.json',
  data: { importo: 120.5, codiceFiscale: 'RSSMRA80A01H501U' },
  headers: { 'interscambio-visibility': 'riservato', ce_traceparent: '00-abc-def-01' },
};

function receive(message: ReturnType<typeof toCloudEventMessage>): ReceivedMessage {
  const value = message.value === null ? null : Buffer.from(message.value);
  return { topic: event.topic, partition: 2, offset: '41', key: message.key, value, headers: message.headers ?? {} };
}

describe('CloudEvents binary mode codec', () => {
  it('round-trips an event: attributes, data, extensions, extra headers and Kafka position', () => {
    const decoded = fromCloudEventMessage(receive(toCloudEventMessage(event)));
    expect(decoded).toMatchObject({
      specversion: '1.0',
      id: event.id,
      source: event.source,
      type: event.type,
      subject: 'pos-1',
      time: event.time,
      dataschema: event.dataschema,
      datacontenttype: 'application/json',
      data: event.data,
      extensions: { traceparent: '00-abc-def-01', visibility: 'riservato' },
      topic: event.topic,
      key: '082053/pos-1',
      partition: 2,
      offset: '41',
    });
    expect(eventVisibility(decoded)).toBe('riservato');
  });

  it('sends revision, visibility and correlation id as CloudEvents extension attributes, not plain headers', () => {
    const legacy = {
      'interscambio-revision': '3',
      'interscambio-visibility': 'riservato',
      'interscambio-correlation-id': 'c-1',
    };
    const message = toCloudEventMessage({ ...event, headers: legacy });
    expect(message.headers).toMatchObject({ ce_revision: '3', ce_visibility: 'riservato', ce_correlationid: 'c-1' });
    expect(Object.keys(message.headers ?? {}).filter((h) => h.startsWith('interscambio-'))).toEqual([]);
    const decoded = fromCloudEventMessage(receive(message));
    expect([eventRevision(decoded), eventVisibility(decoded), eventCorrelationId(decoded)]).toEqual([
      3,
      'riservato',
      'c-1',
    ]);
  });

  it('reads the attributes of events published before they became extension attributes', () => {
    const old = receive(toCloudEventMessage({ ...event, headers: {} }));
    old.headers = { ...old.headers, 'interscambio-revision': '7', 'interscambio-correlation-id': 'c-old' };
    const decoded = fromCloudEventMessage(old);
    expect(decoded.extensions).toMatchObject({ revision: '7', correlationid: 'c-old' });
    expect([eventRevision(decoded), eventCorrelationId(decoded)]).toEqual([7, 'c-old']);
  });

  it('does not let extra headers override the CloudEvent attributes', () => {
    const message = toCloudEventMessage({ ...event, headers: { ce_id: 'spoofed', ce_specversion: '0.3' } });
    expect(message.headers).toMatchObject({ ce_id: event.id, ce_specversion: '1.0' });
  });

  it('encodes a deleted record as a tombstone and decodes it back to null data', () => {
    const message = toCloudEventMessage({ ...event, data: null });
    expect(message.value).toBeNull();
    expect(message.headers?.['content-type']).toBeUndefined();
    expect(fromCloudEventMessage(receive(message)).data).toBeNull();
  });

  it.each([
    ['no ce_specversion', { ce_id: 'x', ce_source: '/enti/1', ce_type: 't' }],
    ['another specversion', { ce_specversion: '0.3', ce_id: 'x', ce_source: '/enti/1', ce_type: 't' }],
    ['no ce_id', { ce_specversion: '1.0', ce_source: '/enti/1', ce_type: 't' }],
    ['no ce_type', { ce_specversion: '1.0', ce_id: 'x', ce_source: '/enti/1' }],
  ])('rejects a message with %s as cloudevent-invalid', (_, headers) => {
    const decode = (): unknown =>
      fromCloudEventMessage({ topic: 't', partition: 0, offset: '0', key: null, value: Buffer.from('{}'), headers });
    expect(decode).toThrow(InvalidCloudEventError);
    expect(decode).toThrow(expect.objectContaining({ code: 'cloudevent-invalid' }));
  });

  it('rejects a JSON CloudEvent whose value is not JSON', () => {
    const message = { ...receive(toCloudEventMessage(event)), value: Buffer.from('{broken') };
    expect(() => fromCloudEventMessage(message)).toThrow(/not JSON/);
  });

  it('refuses to encode an event without id, source, type or key', () => {
    expect(() => toCloudEventMessage({ ...event, id: '' })).toThrow(InvalidCloudEventError);
    expect(() => toCloudEventMessage({ ...event, key: '' })).toThrow(InvalidCloudEventError);
  });
});
