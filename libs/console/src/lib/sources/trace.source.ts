import { Injectable } from '@nestjs/common';
import { quoteIdentifier } from '@interscambio/persistence';
import { ConsoleSettings } from '../console.settings';

export interface TraceQuery {
  type?: string;
  ente?: string;
  key?: string;
  correlationId?: string;
}

export interface TracedEvent {
  eventId: string;
  theme: string;
  type: string;
  ente: string;
  key: string;
  revision: number | null;
  operation: string | null;
  topic: string;
  partition: number;
  offset: string;
  correlationId: string | null;
  time: Date;
}

export interface RecordTrace {
  events: TracedEvent[];
  revisions: { revision: number; operation: string; changedAt: Date }[];
  consumers: { service: string; group: string; eventId: string; processedAt: Date }[];
  deliveries: { eventId: string; subscription: string; status: string; attempts: number; lastStatus: number | null }[];
  reads: { at: Date; clientId: string; ente: string; purpose: string | null; agreementId: string | null }[];
}

/**
 * Traccia record: one record's story from the console's index of Kafka events and read-only
 * queries on the services' schemas (revisions, processed marks, webhook deliveries, audited reads).
 */
@Injectable()
export class TraceSource {
  constructor(private readonly settings: ConsoleSettings) {}

  /** The events matching the query, newest first: by correlation id, or by type and ente (and key). */
  async events(query: TraceQuery): Promise<TracedEvent[]> {
    const { rows } = await this.settings.db.pool.query<TracedEvent>(
      `select event_id as "eventId", theme, type, ente, key, revision, operation, topic, partition,
         "offset"::text as "offset", correlation_id as "correlationId", time
       from record_event
       where ($1::text is null or correlation_id = $1) and ($2::text is null or type = $2)
         and ($3::text is null or ente = $3) and ($4::text is null or key = $4)
       order by time desc, "offset" desc limit 100`,
      [query.correlationId ?? null, query.type ?? null, query.ente ?? null, query.key ?? null],
    );
    return rows;
  }

  async trace(record: { theme: string; type: string; ente: string; key: string }): Promise<RecordTrace> {
    const events = (await this.events(record)).filter((e) => e.theme === record.theme);
    const ids = [...new Set(events.map((e) => e.eventId))];
    const sql = this.settings.db.pool;
    const theme = this.settings.services.find((s) => s.name === record.theme);
    const schema = theme ? quoteIdentifier(theme.schema) : undefined;
    const where = `record_type = $1 and record_ente = $2 and record_key = $3`;
    const [revisions, reads, consumers, deliveries] = await Promise.all([
      schema
        ? sql
            .query<RecordTrace['revisions'][number]>(
              `select revision, operation, changed_at as "changedAt" from ${schema}.record_change
               where type = $1 and ente = $2 and key = $3 order by revision`,
              [record.type, record.ente, record.key],
            )
            .then((r) => r.rows)
        : [],
      schema
        ? sql
            .query<RecordTrace['reads'][number]>(
              `select at, client_id as "clientId", ente, purpose, agreement_id as "agreementId"
               from ${schema}.audit_entry where action = 'read' and ${where} order by seq desc limit 100`,
              [record.type, record.ente, record.key],
            )
            .then((r) => r.rows)
        : [],
      this.consumers(ids),
      this.deliveries(ids),
    ]);
    return { events, revisions, consumers, deliveries, reads };
  }

  private async consumers(ids: string[]): Promise<RecordTrace['consumers']> {
    if (ids.length === 0) return [];
    const found = await Promise.all(
      this.settings.services.map((s) =>
        this.settings.db.pool
          .query<{ group: string; eventId: string; processedAt: Date }>(
            `select consumer_group as "group", event_id as "eventId", processed_at as "processedAt"
             from ${quoteIdentifier(s.schema)}.processed_event where event_id = any($1)`,
            [ids],
          )
          .then((r) => r.rows.map((row) => ({ service: s.name, ...row })))
          // A service without that table (or not migrated yet) handled nothing.
          .catch(() => []),
      ),
    );
    return found.flat();
  }

  private async deliveries(ids: string[]): Promise<RecordTrace['deliveries']> {
    const schema = this.settings.config.notifierSchema;
    if (!schema || ids.length === 0) return [];
    const { rows } = await this.settings.db.pool
      .query<RecordTrace['deliveries'][number]>(
        `select e.id as "eventId", d.subscription_id::text as subscription, d.status, d.attempts,
           d.last_status as "lastStatus"
         from ${quoteIdentifier(schema)}.delivery d
         join ${quoteIdentifier(schema)}.record_event e on e.position = d.event_position
         where e.id = any($1) order by d.seq`,
        [ids],
      )
      .catch(() => ({ rows: [] }));
    return rows;
  }
}
