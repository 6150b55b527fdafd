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

import { grantJoinSql, visibleSql } from '../access/record-grant.sql';

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

/** The current revision of records whose write changed nothing (same content), read under their lock. */
export const revisionsSql = (record: string): string => `
  select r.ente, r.key, r.revision
  from ${record} r
  join unnest($2::text[], $3::text[]) as w(ente, key) on r.ente = w.ente and r.key = w.key
  where r.type = $1`;

// Each statement also appends its rows' changes to the change log, at the same place: one round
// trip, and a record row never commits without the change that produced it.
const logChangesSql = (change: string): string => `
  logged as (insert into ${change}
    (tx, position, record_id, type, ente, key, revision, operation, visibility, data, changed_at)
    select feed_tx, feed_position, id, type, ente, key, revision, operation, visibility, data, updated_at from written)`;

/**
 * Inserts or updates the records; one whose stored content has the same hash (and is not a
 * tombstone) is left as it is and not returned. `$9` is the position sequence (regclass).
 * ON CONFLICT DO UPDATE evaluates its SET once the row is locked, so the `nextval` there is taken
 * after the previous writer of the record committed.
 */
export const upsertRecordsSql = (record: string, change: string): string => `
  with written as (
    insert into ${record} as r (id, type, ente, key, schema_major, revision, operation, data, visibility,
      content_hash, created_at, updated_at, deleted_at, feed_tx, feed_position)
    select w.id, $1, w.ente, w.key, $2, 1, 'created', w.data::jsonb, $3, w.hash, now(), now(), null,
      ${CURRENT_TX}, nextval($9::regclass)
    from unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[]) with ordinality
      as w(id, ente, key, data, hash, n)
    order by w.n
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
      feed_position = nextval($9::regclass)
    where r.deleted_at is not null or r.content_hash is distinct from excluded.content_hash
    returning r.id, r.type, r.ente, r.key, r.revision, r.operation, r.visibility, r.data, r.updated_at,
      r.feed_tx, r.feed_position),
  ${logChangesSql(change)}
  select ente, key, revision, operation, updated_at from written`;

/** Tombstones live records the caller already locked (lockRecordsSql). `$4` is the position sequence. */
export const tombstoneRecordsSql = (record: string, change: string): string => `
  with written as (
    update ${record} r set revision = r.revision + 1, operation = 'deleted', data = null, content_hash = null,
      deleted_at = now(), updated_at = now(),
      feed_tx = greatest(r.feed_tx, ${CURRENT_TX}),
      feed_position = nextval($4::regclass)
    from unnest($2::text[], $3::text[]) as w(ente, key)
    where r.type = $1 and r.ente = w.ente and r.key = w.key and r.deleted_at is null
    returning r.id, r.type, r.ente, r.key, r.revision, r.operation, r.visibility, r.data, r.updated_at,
      r.feed_tx, r.feed_position),
  ${logChangesSql(change)}
  select ente, key, revision, operation, updated_at from written`;

/** One live record, if `$4` (the reader's ente) may see it; with the agreement that lets it. */
export const readRecordSql = (record: string, agreement: string): string => `
  select r.revision, r.data, r.updated_at, r.visibility, g.agreement_id, g.purpose
  from ${record} r ${grantJoinSql(agreement, '$4')}
  where r.type = $1 and r.ente = $2 and r.key = $3 and r.deleted_at is null and ${visibleSql('$4')}`;
