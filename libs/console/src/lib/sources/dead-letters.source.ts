import { Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { BusProducer } from '@interscambio/messaging';
import { inTransaction } from '@interscambio/persistence';
import type { Operator } from '../auth/operator-authenticator';
import { ConsoleSettings } from '../console.settings';

export interface DeadLetterView {
  id: string;
  sourceTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  payload: string;
  headers: Record<string, string>;
  error: string | null;
  consumerGroup: string | null;
  failedAt: Date | null;
  status: 'pending' | 'replayed' | 'discarded';
  action?: { operator: string; at: Date; reason: string | null };
}

export class DeadLetterNotFoundError extends Error {
  readonly code = 'dead-letter-not-found';
}

// What deadLetterMessage (libs/messaging) adds to the original headers: a replay sends the rest,
// which are the original CloudEvent's.
const FAILURE_HEADERS =
  /^interscambio-(error|error-class|error-code|attempts|failed-at|consumer-group|original-partition|original-offset)$/;

/** Messaggi scartati: the dead letters the indexer read, replayed or discarded by an operator, each action audited. */
@Injectable()
export class DeadLettersSource implements OnApplicationShutdown {
  private producer?: Promise<BusProducer>;

  constructor(private readonly settings: ConsoleSettings) {}

  async list(status: 'pending' | 'all' = 'pending', limit = 200): Promise<DeadLetterView[]> {
    const { rows } = await this.settings.db.pool.query<Row>(
      `${SELECT} where ($1 = 'all' or d.status = $1) order by d.id desc limit $2`,
      [status, limit],
    );
    return rows.map(view);
  }

  /** Sends the message again to its original topic, with its key, value and CloudEvent headers. */
  async replay(ids: string[] | 'all', operator: Operator): Promise<number> {
    return this.act(ids, operator, 'replayed', null, async (letters) => {
      this.producer ??= this.settings.bus.producer();
      const producer = await this.producer;
      const byTopic = new Map<string, Row[]>();
      for (const l of letters) byTopic.set(l.source_topic, [...(byTopic.get(l.source_topic) ?? []), l]);
      for (const [topic, rows] of byTopic)
        await producer.send(
          topic,
          rows.map((r) => ({
            key: r.key,
            value: r.value,
            headers: Object.fromEntries(Object.entries(r.headers).filter(([h]) => !FAILURE_HEADERS.test(h))),
          })),
        );
    });
  }

  async discard(ids: string[], operator: Operator, reason: string): Promise<number> {
    return this.act(ids, operator, 'discarded', reason, async () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer).close();
  }

  /**
   * Locks the pending letters, does the work, then marks them and writes the audit row in the
   * same transaction: two operators replaying the same letter at once send it once.
   */
  private async act(
    ids: string[] | 'all',
    operator: Operator,
    action: 'replayed' | 'discarded',
    reason: string | null,
    work: (letters: Row[]) => Promise<void>,
  ): Promise<number> {
    return inTransaction(this.settings.db.pool, async (tx) => {
      const { rows } = await tx.query<Row>(
        `${SELECT} where d.status = 'pending' and ($1::bigint[] is null or d.id = any($1)) order by d.id for update of d`,
        [ids === 'all' ? null : ids],
      );
      if (ids !== 'all' && rows.length === 0)
        throw new DeadLetterNotFoundError(`no pending dead letter ${ids.join(', ')}`);
      await work(rows);
      for (const r of rows) {
        await tx.query(`update dead_letter set status = $2 where id = $1`, [r.id, action]);
        await tx.query(
          `insert into dead_letter_action (dead_letter_id, action, operator_id, operator_email, reason) values ($1, $2, $3, $4, $5)`,
          [r.id, action, operator.id, operator.email, reason],
        );
      }
      return rows.length;
    });
  }
}

interface Row {
  id: string;
  source_topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  error: string | null;
  consumer_group: string | null;
  failed_at: Date | null;
  status: DeadLetterView['status'];
  action_by: string | null;
  action_at: Date | null;
  action_reason: string | null;
}

const SELECT = `select d.id::text, d.source_topic, d.partition, d.offset::text, d.key, d.value, d.headers, d.error,
  d.consumer_group, d.failed_at, d.status, a.operator_email as action_by, a.at as action_at, a.reason as action_reason
  from dead_letter d
  left join lateral (select * from dead_letter_action x where x.dead_letter_id = d.id order by x.id desc limit 1) a on true`;

function view(r: Row): DeadLetterView {
  return {
    id: r.id,
    sourceTopic: r.source_topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key,
    payload: r.value ? r.value.toString('utf8') : '',
    headers: r.headers,
    error: r.error,
    consumerGroup: r.consumer_group,
    failedAt: r.failed_at,
    status: r.status,
    action:
      r.action_by && r.action_at ? { operator: r.action_by, at: r.action_at, reason: r.action_reason } : undefined,
  };
}
