import type { CloudEvent } from '@interscambio/messaging';
import { inTransaction } from '@interscambio/persistence';
import type { PoolClient } from 'pg';
import type { NotifierSettings } from '../notifier.settings';
import type { NotifierDatabase } from '../storage/notifier.database';
import { matchesFilter } from '../subscriptions/record-filter';
import type { RecordFilter } from '../subscriptions/record-filter';
import { entitled, grantJoin } from './entitlement.sql';
import { recordEventFacts } from './record-event';
import type { RecordEventFacts } from './record-event';

interface Candidate {
  id: string;
  filter: RecordFilter | null;
}

/**
 * Keeps the event in the notifier's log and queues one delivery per matching subscription whose
 * owner may read the record, in one transaction: the event's offset is committed only after it,
 * so nothing consumed is lost. An event already in the log (a redelivery) queues nothing again.
 * Resolves to the number of deliveries queued.
 */
export async function fanOut(event: CloudEvent, db: NotifierDatabase, settings: NotifierSettings): Promise<number> {
  const facts = recordEventFacts(event);
  const { data, ...attributes } = event;
  return inTransaction(db.pool, async (tx) => {
    const logged = await tx.query<{ position: string }>(
      `insert into record_event (id, theme, type, ente, key, operation, visibility, time, event, data)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing returning position`,
      [
        event.id,
        facts.theme,
        facts.type,
        facts.ente,
        facts.key,
        facts.operation,
        facts.visibility,
        facts.time,
        JSON.stringify(attributes),
        data === null ? null : JSON.stringify(data),
      ],
    );
    const position = logged.rows[0]?.position;
    if (position === undefined) return 0;
    const candidates = await matchingSubscriptions(tx, db, facts);
    if (candidates.length === 0) return 0;
    const content = data ?? (candidates.some((c) => c.filter) ? await lastContent(tx, facts, position) : null);
    const chosen = candidates.filter((c) => !c.filter || matchesFilter(c.filter, content)).map((c) => c.id);
    await queue(tx, chosen, position, facts, settings.delivery.retryWindowMs, false);
    return chosen.length;
  });
}

/** Subscriptions for this type, publisher and trigger, not expired, whose owner may read the record. */
export async function matchingSubscriptions(
  tx: PoolClient,
  db: NotifierDatabase,
  facts: RecordEventFacts,
  only?: string,
): Promise<Candidate[]> {
  const { rows } = await tx.query<Candidate>(
    `select s.id, s.filter from subscription s
       cross join (select $1::text as visibility, $2::text as ente, $3::text as type, $4::text as theme) r
       ${grantJoin(db.table('agreement'))}
     where $3 = any(s.types) and (s.publishers is null or $2 = any(s.publishers)) and $5 = any(s.triggers)
       and (s.expires_at is null or s.expires_at > now()) and ($6::uuid is null or s.id = $6)
       and ${entitled}`,
    [facts.visibility, facts.ente, facts.type, facts.theme, facts.operation, only ?? null],
  );
  return rows;
}

/** A deleted record is filtered as it was last published. */
async function lastContent(tx: PoolClient, facts: RecordEventFacts, before: string): Promise<unknown> {
  const { rows } = await tx.query<{ data: unknown }>(
    `select data from record_event where type = $1 and ente = $2 and key = $3 and data is not null and position < $4
     order by position desc limit 1`,
    [facts.type, facts.ente, facts.key, before],
  );
  return rows[0]?.data ?? null;
}

/** One pending delivery per subscription; `seq` keeps them in the order queued. */
export async function queue(
  tx: PoolClient,
  subscriptions: string[],
  position: string,
  facts: Pick<RecordEventFacts, 'theme' | 'type' | 'ente' | 'key'>,
  retryWindowMs: number,
  replay: boolean,
): Promise<void> {
  if (subscriptions.length === 0) return;
  await tx.query(
    `insert into delivery (id, subscription_id, event_position, record, retry_until, replay)
     select gen_random_uuid(), s, $2, $3, now() + $4 * interval '1 millisecond', $5 from unnest($1::uuid[]) s`,
    [subscriptions, position, `${facts.theme}/${facts.type}/${facts.ente}/${facts.key}`, retryWindowMs, replay],
  );
}
