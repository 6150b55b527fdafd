/** One change to publish: a CloudEvent plus the Kafka topic and key it goes to. */
export interface OutboxEvent {
  /** CloudEvent id (a UUIDv7, supplied by the caller); also the outbox row's primary key. */
  id: string;
  /** `interscambio.<theme>.<type>` */
  topic: string;
  /** `<ente>/<key>`: the Kafka message key, which keeps one record's changes in order. */
  key: string;
  /** `it.interscambio.<theme>.<type>.created|updated|deleted` */
  type: string;
  /** `/enti/<ente>` */
  source: string;
  /** `<key>` */
  subject: string;
  /** ISO date-time of the change. */
  time: string;
  /** The `$id` of the record's JSON Schema. */
  dataschema?: string;
  /** The record; `null` publishes a tombstone (see toCloudEventMessage). */
  data: unknown;
  /** W3C trace context of the change's cause, sent as the CloudEvents distributed-tracing extension. */
  traceparent?: string;
  /** Extra Kafka headers; the former `interscambio-revision`, `-visibility`, `-correlation-id` go out as `ce_<attribute>`. */
  headers?: Record<string, string>;
}
