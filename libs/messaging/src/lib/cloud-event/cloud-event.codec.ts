import type { BusMessage, ReceivedMessage } from '../message-bus';
import { InvalidCloudEventError } from '../messaging.errors';
import type { OutboxEvent } from '../outbox/outbox-event';
import type { CloudEvent } from './cloud-event';
import { INTERSCAMBIO_ATTRIBUTES, withExtensionAttributes } from './interscambio-attributes';
import { TRACEPARENT } from './trace-context';

const JSON_CONTENT_TYPE = 'application/json';
const CORE_ATTRIBUTES = new Set(['specversion', 'id', 'source', 'type', 'subject', 'time', 'dataschema']);
const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** The Kafka header of a CloudEvents attribute in binary mode: `ce_<attribute>`. */
export function cloudEventHeader(attribute: string): string {
  return `ce_${attribute}`;
}

/**
 * The Kafka message of an event in CloudEvents binary mode: attributes in `ce_*` headers, the
 * record as the value. A deleted record (data `null`) is sent with a null value — a Kafka
 * tombstone — and no content-type: on a compacted topic it removes the record's earlier versions,
 * which is what deleting personal data requires; the `ce_*` headers still say what was deleted.
 */
export function toCloudEventMessage(e: OutboxEvent): BusMessage {
  const headers = cloudEventHeaders(e);
  const empty = e.data === null || e.data === undefined;
  return { key: e.key, value: empty ? null : JSON.stringify(e.data), headers };
}

/**
 * The Kafka headers of toCloudEventMessage alone, for a writer that has the value as JSON text
 * already: only whether there is data matters here.
 */
export function cloudEventHeaders(e: OutboxEvent): Record<string, string> {
  for (const [name, value] of Object.entries({ id: e.id, source: e.source, type: e.type, key: e.key })) {
    if (!value) throw new InvalidCloudEventError(`${name} is empty`);
  }
  const headers: Record<string, string> = {
    ...withExtensionAttributes(e.headers ?? {}),
    ce_specversion: '1.0',
    ce_id: e.id,
    ce_source: e.source,
    ce_type: e.type,
    ce_subject: e.subject,
    ce_time: e.time,
  };
  if (e.dataschema) headers['ce_dataschema'] = e.dataschema;
  if (e.traceparent) headers[cloudEventHeader(TRACEPARENT)] = e.traceparent;
  if (e.data !== null && e.data !== undefined) headers['content-type'] = JSON_CONTENT_TYPE;
  return headers;
}

/** Decodes a binary-mode CloudEvent; throws InvalidCloudEventError when the message is not one. */
export function fromCloudEventMessage(m: ReceivedMessage): CloudEvent {
  const h = m.headers;
  if (h['ce_specversion'] !== '1.0')
    throw new InvalidCloudEventError(`ce_specversion is ${h['ce_specversion'] ?? 'missing'}, expected 1.0`);
  for (const name of ['ce_id', 'ce_source', 'ce_type']) {
    if (!h[name]) throw new InvalidCloudEventError(`header ${name} is missing`);
  }
  const extensions: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) {
    if (name.startsWith('ce_') && !CORE_ATTRIBUTES.has(name.slice(3))) extensions[name.slice(3)] = value;
  }
  // Events published before these became extension attributes carry them as plain headers.
  for (const [attribute, legacy] of Object.entries(INTERSCAMBIO_ATTRIBUTES)) {
    const value = h[legacy];
    if (extensions[attribute] === undefined && value !== undefined) extensions[attribute] = value;
  }
  return {
    specversion: '1.0',
    id: h['ce_id'] as string,
    source: h['ce_source'] as string,
    type: h['ce_type'] as string,
    subject: h['ce_subject'],
    time: h['ce_time'],
    dataschema: h['ce_dataschema'],
    datacontenttype: h['content-type'],
    data: decodeData(m.value, h['content-type']),
    extensions,
    headers: h,
    topic: m.topic,
    key: m.key,
    partition: m.partition,
    offset: m.offset,
  };
}

function decodeData(value: Buffer | null, contentType: string | undefined): unknown {
  if (value === null || value.length === 0) return null;
  if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType)) return value;
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch (error) {
    throw new InvalidCloudEventError('the value is not JSON', { cause: error });
  }
}
