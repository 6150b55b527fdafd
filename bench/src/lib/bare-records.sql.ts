// The bare server's tables and statements: a record table shaped like the service's (one row per
// type, ente and key, revision, jsonb data) and an outbox like messaging's, in a schema of their own.

export const bareTablesSql = (schema: string): string[] => [
  `create schema "${schema}"`,
  `create table "${schema}".record (
    id uuid primary key,
    type text not null,
    ente text not null,
    key text not null,
    revision integer not null,
    data jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (type, ente, key))`,
  `create table "${schema}".outbox (
    id uuid primary key,
    seq bigserial not null,
    topic text not null,
    key text not null,
    payload json,
    created_at timestamptz not null default now(),
    sent_at timestamptz)`,
  `create index on "${schema}".outbox (seq) where sent_at is null`,
];

export const bareWriteSql = (schema: string) => ({
  upsert: `insert into "${schema}".record as r (id, type, ente, key, revision, data)
    values ($1, $2, $3, $4, 1, $5::jsonb)
    on conflict (type, ente, key) do update set revision = r.revision + 1, data = excluded.data, updated_at = now()
    returning revision`,
  outbox: `insert into "${schema}".outbox (id, topic, key, payload) values ($1, $2, $3, $4::json)`,
  upsertMany: `insert into "${schema}".record as r (id, type, ente, key, revision, data)
    select t.id, $1, t.ente, t.key, 1, t.data
      from unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) as t(id, ente, key, data)
    on conflict (type, ente, key) do update set revision = r.revision + 1, data = excluded.data, updated_at = now()
    returning ente, key, revision`,
  outboxMany: `insert into "${schema}".outbox (id, topic, key, payload)
    select t.id, $1, t.key, t.payload from unnest($2::uuid[], $3::text[], $4::json[]) as t(id, key, payload)`,
});
