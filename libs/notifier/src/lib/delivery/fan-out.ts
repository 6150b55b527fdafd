import type { CloudEvent } from '@interscambio/messaging';
import { inTransaction } from '@interscambio/persistence';
import type { PoolClient } from 'pg';
import type { NotifierSettings } from '../notifier.settings';
import type { NotifierDatabase } from '../storage/notifier.database';
import { matchesFilter } from '../subscriptions/record-filter';
import type { RecordFilter } from '../subscriptions/record-filter';
import { entitled, grantJoin, notRevoked } from './entitlement.sql';
import { recordEventFacts } from './record-event';
import type { RecordEventFacts } from './record-event';

interface Candidate {
  id: string;
  filter: RecordFilter | null;
}

/**
 * Keeps the event in the notifier's log and queues one delivery per matching subscription whose
 * owner may read the record, atomically: the event's offset is committed only after it, so nothing
 * consumed is lost. An event already in the log (a redelivery) queues nothing again, which makes
 * this handler idempotent by itself. Resolves to the number of deliveries queued.
 *
 * One statement does it all for subscriptions without a content filter (the common case: one
 * statement and one commit per event, with no transaction of the consumer's around it, is what lets
 * the consumer keep up at hundreds of events a second); only subscriptions with a filter need a
 * second step, in the same transaction.
 */
export async function fanOut(event: CloudEvent, db: NotifierDatabase, settings: NotifierSettings): Promise<number> {
  const facts = recordEventFacts(event);
  const { data, ...attributes } = event;
  return inTransaction(db.pool, async (tx) => {
    const { rows } = await tx.query<FanOutRow>(
      `with logged as (
         insert into record_event (id, theme, type, ente, key, operation, visibility, time, event, data, feed_tx, feed_position)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $13, $14) on conflict (id) do nothing returning position),
       candidates as (${matching(db)} and exists (select from logged)),
       queued as (
         insert into delivery (id, subscription_id, event_position, record, retry_until, replay)
         select gen_random_uuid(), c.id, l.position, $11, now() + $12 * interval '1 millisecond', false
         from candidates c cross join logged l where c.filter is null returning 1)
       select (select position from logged) as position, (select count(*)::int from queued) as queued,
         coalesce((select json_agg(json_build_object('id', c.id, 'filter', c.filter)) from candidates c
           where c.filter is not null), '[]') as filtered`,
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
        recordName(facts),
        settings.delivery.retryWindowMs,
        facts.feed ? String(facts.feed.tx) : null,
        facts.feed ? String(facts.feed.position) : null,
      ],
    );
    const row = rows[0];
    if (!row?.position) return 0;
    const filtered = row.filtered;
    if (filtered.length === 0) return row.queued;
    const content = data ?? (await lastContent(tx, facts, row.position));
    const chosen = filtered.filter((c) => matchesFilter(c.filter, content)).map((c) => c.id);
    await queue(tx, chosen, row.position, facts, settings.delivery.retryWindowMs, false);
    return row.queued + chosen.length;
  });
}

interface FanOutRow {
  position: string | null;
  queued: number;
  filtered: { id: string; filter: RecordFilter }[];
}

/**
 * fanOut's subscriptions for the event's type ($3), publisher ($4) and trigger ($6), not expired,
 * whose owner may read the record (theme $2, visibility $7) and is not revoked.
 */
const matching = (db: NotifierDatabase): string =>
  `select s.id, s.filter from subscription s
     cross join (select $7::text as visibility, $4::text as ente, $3::text as type, $2::text as theme) r
     ${grantJoin(db.table('agreement'))}
   where $3 = any(s.types) and (s.publishers is null or $4 = any(s.publishers)) and $6 = any(s.triggers)
     and (s.expires_at is null or s.expires_at > now()) and ${entitled}
     and ${notRevoked(db.table('revocation'))}`;

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
       and ${entitled} and ${notRevoked(db.table('revocation'))}`,
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
    [subscriptions, position, recordName(facts), retryWindowMs, replay],
  );
}

/** A delivery's queue within its subscription: one record. */
function recordName(facts: Pick<RecordEventFacts, 'theme' | 'type' | 'ente' | 'key'>): string {
  return `${facts.theme}/${facts.type}/${facts.ente}/${facts.key}`;
}
