import type { CloudEvent } from '@interscambio/messaging';
import { inTransaction, prepared } from '@interscambio/persistence';
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
 * When no matching subscription has a content filter (the common case) it is ONE prepared statement
 * outside any transaction: one round trip per event, no BEGIN and COMMIT, no planning. At 200 events
 * a second those round trips and plans were most of the notifier's CPU and PostgreSQL's. The
 * statement logs nothing when a filter matches; the event is then handled again in a transaction,
 * whose second step checks the filters against the content.
 */
export async function fanOut(event: CloudEvent, db: NotifierDatabase, settings: NotifierSettings): Promise<number> {
  const facts = recordEventFacts(event);
  const { data, ...attributes } = event;
  const values = [
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
  ];
  const sql = statementsOf(db);
  const [unfiltered] = (await db.pool.query<UnfilteredRow>(prepared(sql.unfiltered), values)).rows;
  if (unfiltered && !unfiltered.filtered) return unfiltered.position ? unfiltered.queued : 0;
  return inTransaction(db.pool, async (tx) => {
    const row = (await tx.query<FanOutRow>(prepared(sql.inTransaction), values)).rows[0];
    if (!row?.position) return 0;
    const filtered = row.filtered;
    if (filtered.length === 0) return row.queued;
    const content = data ?? (await lastContent(tx, facts, row.position));
    const chosen = filtered.filter((c) => matchesFilter(c.filter, content)).map((c) => c.id);
    await queue(tx, chosen, row.position, facts, settings.delivery.retryWindowMs, false);
    return row.queued + chosen.length;
  });
}

const LOG_EVENT = `insert into record_event
  (id, theme, type, ente, key, operation, visibility, time, event, data, feed_tx, feed_position)`;
const QUEUE = `insert into delivery (id, subscription_id, event_position, record, retry_until, replay)
  select gen_random_uuid(), c.id, l.position, $11, now() + $12 * interval '1 millisecond', false
  from candidates c cross join logged l where c.filter is null returning 1`;

/** fanOut's single statement: logs and queues only if no candidate has a filter, and says which. */
const fanOutUnfilteredSql = (db: NotifierDatabase): string => `with candidates as (${matching(db)}),
  logged as (${LOG_EVENT}
    select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $13, $14
    where not exists (select from candidates where filter is not null)
    on conflict (id) do nothing returning position),
  queued as (${QUEUE})
  select (select position from logged) as position, (select count(*)::int from queued) as queued,
    exists (select from candidates where filter is not null) as filtered`;

/** fanOut in its transaction: logs the event, queues the unfiltered and names the filtered candidates. */
const fanOutSql = (db: NotifierDatabase): string => `with logged as (${LOG_EVENT}
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $13, $14) on conflict (id) do nothing returning position),
  candidates as (${matching(db)} and exists (select from logged)),
  queued as (${QUEUE})
  select (select position from logged) as position, (select count(*)::int from queued) as queued,
    coalesce((select json_agg(json_build_object('id', c.id, 'filter', c.filter)) from candidates c
      where c.filter is not null), '[]') as filtered`;

/** Built once per database (their text depends on its schema only), not once per event. */
const statements = new WeakMap<NotifierDatabase, { unfiltered: string; inTransaction: string }>();
function statementsOf(db: NotifierDatabase): { unfiltered: string; inTransaction: string } {
  let sql = statements.get(db);
  if (!sql) statements.set(db, (sql = { unfiltered: fanOutUnfilteredSql(db), inTransaction: fanOutSql(db) }));
  return sql;
}

interface UnfilteredRow {
  position: string | null;
  queued: number;
  filtered: boolean;
}

interface FanOutRow {
  position: string | null;
  queued: number;
  filtered: { id: string; filter: RecordFilter }[];
}

/**
 * fanOut's subscriptions for the event's type ($3), publisher ($4) and trigger ($6), not expired,
 * whose owner may read the record (theme $2, visibility $7) and is not revoked.
 *
 * A subscription hears of the changes saved after it was created ($8, the change's time), not of
 * those still on their way when it was: after a relay's backlog, or an event read a moment late,
 * a new subscriber would otherwise be called about a past it did not ask for, depending on timing.
 * The past is what a replay is for. The themes stamp the time in milliseconds, hence the truncation.
 */
const matching = (db: NotifierDatabase): string =>
  `select s.id, s.filter from subscription s
     cross join (select $7::text as visibility, $4::text as ente, $3::text as type, $2::text as theme) r
     ${grantJoin(db.table('agreement'))}
   where $3 = any(s.types) and (s.publishers is null or $4 = any(s.publishers)) and $6 = any(s.triggers)
     and date_trunc('milliseconds', s.created_at) <= $8::timestamptz
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
