import { Migration } from '@mikro-orm/migrations';
import { migrationList } from '@interscambio/persistence';

// Operators are people: a password hash (scrypt), and a lockout after repeated failures.
// `subject` is who an identity provider says they are (an OIDC `sub`), for a later SPID/CIE login.
// The console's own table until Migration20261203190002OperatorsInRegistry, whose down() restores it.
const OPERATOR_TABLE = `create table "operator" (
  "id" uuid primary key,
  "email" text not null unique,
  "display_name" text not null,
  "password_hash" text null,
  "subject" text null unique,
  "failed_logins" integer not null default 0,
  "locked_until" timestamptz null,
  "last_login_at" timestamptz null,
  "created_at" timestamptz not null default now())`;

class Migration20261203160001Console extends Migration {
  override up(): void {
    this.addSql(OPERATOR_TABLE);
    // Only the SHA-256 of a session id is stored: a copy of the table logs nobody in.
    this.addSql(`create table "operator_session" (
      "id_hash" text primary key,
      "operator_id" uuid not null references "operator" ("id") on delete cascade,
      "csrf_token" text not null,
      "created_at" timestamptz not null default now(),
      "expires_at" timestamptz not null)`);
    this.addSql('create index "operator_session_expiry_index" on "operator_session" ("expires_at")');
    // Every record event seen on Kafka, with where it is: what Traccia record and Panoramica read.
    this.addSql(`create table "record_event" (
      "topic" text not null,
      "partition" integer not null,
      "offset" bigint not null,
      "event_id" text not null,
      "theme" text not null,
      "type" text not null,
      "ente" text not null,
      "key" text not null,
      "revision" integer null,
      "operation" text null,
      "correlation_id" text null,
      "time" timestamptz not null,
      "indexed_at" timestamptz not null default now(),
      primary key ("topic", "partition", "offset"))`);
    this.addSql('create index "record_event_record_index" on "record_event" ("type", "ente", "key")');
    this.addSql('create index "record_event_correlation_index" on "record_event" ("correlation_id")');
    this.addSql('create index "record_event_time_index" on "record_event" ("time")');
    // Dead letters as read from <topic>.dlq; what an operator did with each is in dead_letter_action.
    this.addSql(`create table "dead_letter" (
      "id" bigserial primary key,
      "topic" text not null,
      "partition" integer not null,
      "offset" bigint not null,
      "source_topic" text not null,
      "key" text null,
      "value" bytea null,
      "headers" jsonb not null,
      "error" text null,
      "consumer_group" text null,
      "failed_at" timestamptz null,
      "status" text not null default 'pending' check ("status" in ('pending', 'replayed', 'discarded')),
      unique ("topic", "partition", "offset"))`);
    this.addSql(
      `create index "dead_letter_pending_index" on "dead_letter" ("source_topic", "id") where "status" = 'pending'`,
    );
    this.addSql(`create table "dead_letter_action" (
      "id" bigserial primary key,
      "dead_letter_id" bigint not null references "dead_letter" ("id"),
      "action" text not null check ("action" in ('replayed', 'discarded')),
      "operator_id" uuid not null references "operator" ("id"),
      "operator_email" text not null,
      "reason" text null,
      "at" timestamptz not null default now())`);
  }

  override down(): void {
    for (const table of ['dead_letter_action', 'dead_letter', 'record_event', 'operator_session', 'operator'])
      this.addSql(`drop table if exists "${table}"`);
  }
}

class Migration20261203190002OperatorsInRegistry extends Migration {
  override up(): void {
    // Operators' accounts are the registry's now (its `operator` table, read by OperatorAccounts).
    // Nothing is copied: the console's table existed only in unreleased builds, whose one account,
    // the sandbox's, `npm start` creates in the registry; the registry's schema may not be migrated
    // yet when this runs (the Kubernetes job migrates it last). Open sessions named the old ids: they end.
    this.addSql('delete from "operator_session"');
    this.addSql('alter table "operator_session" drop constraint "operator_session_operator_id_fkey"');
    // The audit keeps the id and the e-mail of who acted, whatever becomes of the account.
    this.addSql('alter table "dead_letter_action" drop constraint "dead_letter_action_operator_id_fkey"');
    this.addSql('drop table "operator"');
  }

  override down(): void {
    this.addSql(OPERATOR_TABLE);
  }
}

export const consoleMigrations = migrationList({
  Migration20261203160001Console,
  Migration20261203190002OperatorsInRegistry,
});
