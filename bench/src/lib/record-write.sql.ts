// The bench's own model of the durable write, with the round trips of the exchange's RecordStore
// (lock the feed counter, read the current row, take a position, upsert, append the outbox event).
// Its own tables and statements, not the store's: the store is not exported by @interscambio/exchange
// and its SQL is still changing, so copying it would silently drift.

export const recordTablesSql = (table: (name: string) => string): string[] => [
  `create table ${table('record')} (
    id uuid primary key,
    type text not null,
    ente text not null,
    key text not null,
    revision integer not null,
    data jsonb,
    content_hash text,
    updated_at timestamptz not null,
    feed_position bigint not null unique,
    unique (type, ente, key))`,
  `create table ${table('feed_counter')} (id boolean primary key default true check (id), position bigint not null)`,
  `insert into ${table('feed_counter')} (id, position) values (true, 0)`,
  `create sequence ${table('feed_position_seq')} start 1000000000`,
  `create table ${table('bare_record')} (
    id uuid primary key,
    type text not null,
    ente text not null,
    key text not null,
    data jsonb,
    updated_at timestamptz not null default now(),
    unique (type, ente, key))`,
];

export const writeSql = (table: (name: string) => string) => ({
  lockFeed: `select position from ${table('feed_counter')} for update`,
  current: `select revision, content_hash from ${table('record')} where type = $1 and ente = $2 and key = $3`,
  nextPosition: `update ${table('feed_counter')} set position = position + 1 returning position`,
  // Diagnostic only: a sequence hands out positions out of commit order, which the feed cannot use.
  sequencePosition: `select nextval('${table('feed_position_seq')}') as position`,
  upsert: `insert into ${table('record')} as r (id, type, ente, key, revision, data, content_hash, updated_at, feed_position)
    values ($1, $2, $3, $4, 1, $5::jsonb, $6, now(), $7)
    on conflict (type, ente, key) do update set revision = r.revision + 1, data = excluded.data,
      content_hash = excluded.content_hash, updated_at = excluded.updated_at, feed_position = excluded.feed_position
    returning revision, updated_at`,
  bareInsert: `insert into ${table('bare_record')} (id, type, ente, key, data) values ($1, $2, $3, $4, $5::jsonb)`,
});
