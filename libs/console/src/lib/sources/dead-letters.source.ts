import { Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { BusProducer } from '@interscambio/messaging';
import {
  bytes,
  int,
  inTransaction,
  nullable,
  oneOf,
  rowParser,
  text,
  textRecord,
  timestamp,
} from '@interscambio/persistence';
import type { Operator } from '../auth/operator-authenticator';
import { ConsoleSettings } from '../console.settings';

const DEAD_LETTER_STATUSES = ['pending', 'replayed', 'discarded'] as const;

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
  status: (typeof DEAD_LETTER_STATUSES)[number];
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
    const { rows } = await this.settings.db.pool.query(
      `${SELECT} where ($1 = 'all' or d.status = $1) order by d.id desc limit $2`,
      [status, limit],
    );
    return rows.map(parseRow).map(view);
  }

  /** Sends the message again to its original topic, with its key, value and CloudEvent headers. */
  async replay(ids: string[] | 'all', operator: Operator): Promise<number> {
    return this.act(ids, operator, 'replayed', null, async (letters) => {
      this.producer ??= this.settings.bus.producer();
      const producer = await this.producer;
      const byTopic = new Map<string, Row[]>();
      for (const l of letters) byTopic.set(l.sourceTopic, [...(byTopic.get(l.sourceTopic) ?? []), l]);
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
      const { rows } = await tx.query(
        `${SELECT} where d.status = 'pending' and ($1::bigint[] is null or d.id = any($1)) order by d.id for update of d`,
        [ids === 'all' ? null : ids],
      );
      const letters = rows.map(parseRow);
      if (ids !== 'all' && letters.length === 0)
        throw new DeadLetterNotFoundError(`no pending dead letter ${ids.join(', ')}`);
      await work(letters);
      for (const r of letters) {
        await tx.query(`update dead_letter set status = $2 where id = $1`, [r.id, action]);
        await tx.query(
          `insert into dead_letter_action (dead_letter_id, action, operator_id, operator_email, reason) values ($1, $2, $3, $4, $5)`,
          [r.id, action, operator.id, operator.email, reason],
        );
      }
      return letters.length;
    });
  }
}

// The statement names its columns as the view does: the row parsed is the view but for the payload
// (bytes as Kafka had them) and the last action (its three columns null when there is none).
const SELECT = `select d.id::text, d.source_topic as "sourceTopic", d.partition, d.offset::text, d.key, d.value, d.headers,
  d.error, d.consumer_group as "consumerGroup", d.failed_at as "failedAt", d.status, a.operator_email as "actionBy",
  a.at as "actionAt", a.reason as "actionReason"
  from dead_letter d
  left join lateral (select * from dead_letter_action x where x.dead_letter_id = d.id order by x.id desc limit 1) a on true`;

const parseRow = rowParser('dead_letter', {
  id: text,
  sourceTopic: text,
  partition: int,
  offset: text,
  key: nullable(text),
  value: nullable(bytes),
  headers: textRecord,
  error: nullable(text),
  consumerGroup: nullable(text),
  failedAt: nullable(timestamp),
  status: oneOf(DEAD_LETTER_STATUSES),
  actionBy: nullable(text),
  actionAt: nullable(timestamp),
  actionReason: nullable(text),
});
type Row = ReturnType<typeof parseRow>;

function view({ value, actionBy, actionAt, actionReason, ...letter }: Row): DeadLetterView {
  return {
    ...letter,
    payload: value ? value.toString('utf8') : '',
    action: actionBy && actionAt ? { operator: actionBy, at: actionAt, reason: actionReason } : undefined,
  };
}
