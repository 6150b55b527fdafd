// The statements of the write path. Every write touches many rows with ONE statement (unnest of
// column arrays), so a batch of 1,000 records costs the same round trips as a single one.

import { grantJoinSql, visibleSql } from '../access/record-grant.sql';

// Feed positions must grow in COMMIT order, which a sequence does not give: a transaction that
// took 41 may commit after one that took 42, and a reader already past 42 would never see 41.
// So every write transaction first locks the single counter row and holds it until it commits:
// writers of a schema run one at a time from here (a few statements each; a batch counts as one),
// and each takes its positions only after the previous writer's commit. Being the first row lock
// every writer takes, it also rules out deadlocks between writers on the record rows.
export const lockFeedSql = (counter: string): string => `select position from ${counter} for update`;

export const nextPositionsSql = (counter: string): string => `
  update ${counter} set position = position + $1 returning position`;

export const currentRecordsSql = (record: string): string => `
  select r.ente, r.key, r.revision, r.content_hash, r.deleted_at is not null as deleted
  from ${record} r
  join unnest($2::text[], $3::text[]) as w(ente, key) on r.ente = w.ente and r.key = w.key
  where r.type = $1`;

// Each statement also appends its rows' changes to the change log, at the same positions: one
// round trip, and a record row never commits without the change that produced it.
const logChangesSql = (change: string): string => `
  logged as (insert into ${change}
    (position, record_id, type, ente, key, revision, operation, visibility, data, changed_at)
    select feed_position, id, type, ente, key, revision, operation, visibility, data, updated_at from written)`;

// Under the feed lock nobody else writes, so ON CONFLICT only ever meets rows currentRecordsSql saw;
// it still computes the revision from the row itself rather than trusting the earlier read.
export const upsertRecordsSql = (record: string, change: string): string => `
  with written as (
    insert into ${record} as r (id, type, ente, key, schema_major, revision, operation, data, visibility,
      content_hash, created_at, updated_at, deleted_at, feed_position)
    select w.id, $1, w.ente, w.key, $2, 1, 'created', w.data::jsonb, $3, w.hash, now(), now(), null, w.position
    from unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
      as w(id, ente, key, data, hash, position)
    on conflict (type, ente, key) do update set
      schema_major = excluded.schema_major,
      revision = r.revision + 1,
      operation = case when r.deleted_at is null then 'updated' else 'created' end,
      data = excluded.data,
      visibility = excluded.visibility,
      content_hash = excluded.content_hash,
      updated_at = excluded.updated_at,
      deleted_at = null,
      feed_position = excluded.feed_position
    returning r.id, r.type, r.ente, r.key, r.revision, r.operation, r.visibility, r.data, r.updated_at,
      r.feed_position),
  ${logChangesSql(change)}
  select ente, key, revision, operation, updated_at from written`;

export const deleteRecordSql = (record: string, change: string): string => `
  with written as (
    update ${record} set revision = revision + 1, operation = 'deleted', data = null, content_hash = null,
      deleted_at = now(), updated_at = now(), feed_position = $4
    where type = $1 and ente = $2 and key = $3
    returning id, type, ente, key, revision, operation, visibility, data, updated_at, feed_position),
  ${logChangesSql(change)}
  select ente, key, revision, operation, updated_at from written`;

/** One live record, if `$4` (the reader's ente) may see it; with the agreement that lets it. */
export const readRecordSql = (record: string, agreement: string): string => `
  select r.revision, r.data, r.updated_at, r.visibility, g.agreement_id, g.purpose
  from ${record} r ${grantJoinSql(agreement, '$4')}
  where r.type = $1 and r.ente = $2 and r.key = $3 and r.deleted_at is null and ${visibleSql('$4')}`;
