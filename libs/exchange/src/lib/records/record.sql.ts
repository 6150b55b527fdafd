// The statements of the write path. Every write touches many rows with ONE statement (unnest of
// column arrays), so a batch of 1,000 records costs the same round trips as a single one.
//
// FEED ORDER. A change's place in the feed is (tx, position): `position` comes from a sequence
// (taken once the record's row lock is held), `tx` is the id of the transaction that wrote it,
// raised to the `tx` of the record's previous change if that one is higher. Readers order by
// (tx, position) and read only below the oldest transaction still running (feed.reader.ts), so a
// transaction that commits late can never land behind a cursor already handed out, and writers
// never wait for each other except on the same record. Why raise `tx`: transaction ids follow
// the order transactions *started* writing, not the order they committed; a writer that started
// before another but queued behind it on one record's row lock must still come after it.

import { feedCursorSql } from '../feed/cursor';
import { grantJoinSql, visibleSql } from '../security/record-grant.sql';

/** `bigint` id of the current transaction (PostgreSQL ≥ 13), assigned now if it has none. */
const CURRENT_TX = 'pg_current_xact_id()::text::bigint';

/** The rows of `$2/$3` (ente, key) of type `$1`, locked in address order (one lock order for every writer). */
export const lockRecordsSql = (record: string): string => `
  select r.ente, r.key, r.revision, r.deleted_at is not null as deleted
  from ${record} r
  join unnest($2::text[], $3::text[]) as w(ente, key) on r.ente = w.ente and r.key = w.key
  where r.type = $1
  order by r.ente, r.key
  for update of r`;

/** The current revision (and its receipt) of records whose write changed nothing (same content). */
export const revisionsSql = (record: string, change: string): string => `
  select r.ente, r.key, r.revision, c.receipt
  from ${record} r
  join unnest($2::text[], $3::text[]) as w(ente, key) on r.ente = w.ente and r.key = w.key
  left join ${change} c on c.record_id = r.id and c.revision = r.revision
  where r.type = $1`;

// The records of a write come as ONE json parameter (an array of objects), read by json_to_recordset:
// node-postgres escapes text arrays character by character in JavaScript, which cost a batch of 500
// documents more than writing them; a json value keeps each document's text as sent (field order).
//
// Each write is ONE statement: the records, their changes in the change log, their events in the
// outbox and their entries in the audit trail. One round trip, no explicit transaction needed for a
// single write, and a record row never commits without its change, event and audit entry.
//
// A change's receipt is its write's JWS (`$jws`, one parameter for the whole statement), `~`, then
// its own proof (`i.proof`), as receiptOf joins them: stored with the change and sent on its event.
const receiptSql = (jws: number): string => `$${jws}::text || '~' || i.proof`;

const logChangesSql = (change: string, jws: number): string => `
  logged as (insert into ${change}
    (tx, position, record_id, type, ente, key, revision, operation, visibility, data, changed_at, receipt)
    select w.feed_tx, w.feed_position, w.id, w.type, w.ente, w.key, w.revision, w.operation, w.visibility, w.data,
      w.updated_at, ${receiptSql(jws)}
    from written w join input i on i.ente = w.ente and i.key = w.key)`;

/** What a write statement appends besides the records: the outbox and audit inserts of their libraries. */
export interface Publication {
  /** appendOutboxSql(schema, 'events') */
  outbox: string;
  /** appendAuditSql(schema, 'entries') */
  audit: string;
}

// The events and audit entries of the written rows, which `input` (the statement's parameters as a
// relation) prepared: each event's headers are complete (record.events.ts) but for what only the
// write can tell, the CloudEvent type (created or updated) and the revision. `$e` is the first of
// publishSql's parameters: event type header, type prefix, topic, client, client's ente,
// correlation id, the write's receipt JWS.
const publishSql = (publication: Publication, e: number, payload: string): string => `
  events as (
    select i.event_id as id, $${e + 2}::text as topic, w.ente || '/' || w.key as key,
      i.headers || jsonb_build_object($${e}::text, $${e + 1}::text || w.operation,
        'interscambio-revision', w.revision::text,
        -- Where the change stands in the theme's feed: a consumer can go on from it with GET /feed
        -- or ask the notifier to replay from it.
        'ce_feedcursor', ${feedCursorSql('w.feed_tx', 'w.feed_position')},
        -- The service's signed receipt of the change, so a consumer can verify who published what.
        'interscambio-receipt', ${receiptSql(e + 6)}) as headers,
      ${payload} as payload, i.n
    from written w join input i on i.ente = w.ente and i.key = w.key),
  published as (${publication.outbox}),
  entries as (
    select w.updated_at as at, $${e + 3}::text as client_id, $${e + 4}::text as ente, w.operation as action,
      w.type as record_type, w.ente as record_ente, w.key as record_key, w.revision, null::text as agreement_id,
      null::text as purpose, $${e + 5}::text as correlation_id, null::jsonb as fields
    from written w),
  audited as (${publication.audit})`;

/**
 * Inserts or updates the records; one whose stored content has the same hash (and is not a
 * tombstone) is left as it is and not returned. `$4` holds the records and their events (json),
 * `$5` is the time of the write, `$6` the position sequence (regclass), then publishSql's.
 * ON CONFLICT DO UPDATE evaluates its SET once the row is locked, so the `nextval` there is taken
 * after the previous writer of the record committed.
 */
export const upsertRecordsSql = (record: string, change: string, publication: Publication): string => `
  with input as (
    select * from json_to_recordset($4::json)
      as i(n integer, id uuid, ente text, key text, data json, hash text, event_id uuid, headers jsonb, proof text)),
  written as (
    insert into ${record} as r (id, type, ente, key, schema_major, revision, operation, data, visibility,
      content_hash, created_at, updated_at, deleted_at, feed_tx, feed_position)
    select i.id, $1, i.ente, i.key, $2, 1, 'created', i.data::jsonb, $3, i.hash, $5, $5, null,
      ${CURRENT_TX}, nextval($6::regclass)
    from input i
    order by i.n
    on conflict (type, ente, key) do update set
      schema_major = excluded.schema_major,
      revision = r.revision + 1,
      operation = case when r.deleted_at is null then 'updated' else 'created' end,
      data = excluded.data,
      visibility = excluded.visibility,
      content_hash = excluded.content_hash,
      updated_at = excluded.updated_at,
      deleted_at = null,
      feed_tx = greatest(r.feed_tx, excluded.feed_tx),
      feed_position = nextval($6::regclass)
    where r.deleted_at is not null or r.content_hash is distinct from excluded.content_hash
    returning r.id, r.type, r.ente, r.key, r.revision, r.operation, r.visibility, r.data, r.updated_at,
      r.feed_tx, r.feed_position),
  ${logChangesSql(change, 13)},
  ${publishSql(publication, 7, 'i.data')}
  select ente, key, revision, operation, updated_at from written`;

/**
 * Tombstones the live records in `$2` (json, with their events), which the caller locked first
 * (lockRecordsSql); `$3` is the time of the write, `$4` the position sequence, then publishSql's.
 */
export const tombstoneRecordsSql = (record: string, change: string, publication: Publication): string => `
  with input as (
    select * from json_to_recordset($2::json)
      as i(n integer, ente text, key text, event_id uuid, headers jsonb, proof text)),
  written as (
    update ${record} r set revision = r.revision + 1, operation = 'deleted', data = null, content_hash = null,
      deleted_at = $3, updated_at = $3,
      feed_tx = greatest(r.feed_tx, ${CURRENT_TX}),
      feed_position = nextval($4::regclass)
    from input i
    where r.type = $1 and r.ente = i.ente and r.key = i.key and r.deleted_at is null
    returning r.id, r.type, r.ente, r.key, r.revision, r.operation, r.visibility, r.data, r.updated_at,
      r.feed_tx, r.feed_position),
  ${logChangesSql(change, 11)},
  ${publishSql(publication, 5, 'null::json')}
  select ente, key, revision, operation, updated_at from written`;

/** One live record, if `$4` (the reader's ente) may see it; with the agreement that lets it. */
export const readRecordSql = (record: string, agreement: string): string => `
  select r.revision, r.data, r.updated_at, r.visibility, g.agreement_id, g.purpose, g.fields
  from ${record} r ${grantJoinSql(agreement, '$4')}
  where r.type = $1 and r.ente = $2 and r.key = $3 and r.deleted_at is null and ${visibleSql('$4')}`;
