/** A CloudEvent 1.0 as a consumer receives it, with where it came from in Kafka. */
export interface CloudEvent<T = unknown> {
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  dataschema?: string;
  specversion: '1.0';
  datacontenttype?: string;
  /** The record; `null` for a tombstone (a deleted record). */
  data: T | null;
  /** CloudEvents extension attributes (`ce_<name>` headers that are not core attributes). */
  extensions: Record<string, string>;
  /** Every Kafka header as received, e.g. `interscambio-receipt`. */
  headers: Record<string, string>;
  topic: string;
  key: string | null;
  partition: number;
  offset: string;
}
