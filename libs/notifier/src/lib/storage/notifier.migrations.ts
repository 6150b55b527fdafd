import { Migration } from '@mikro-orm/migrations';
import { migrationList } from '@interscambio/persistence';
import { RevocationTableMigration } from '@interscambio/access';

class Migration20261203100001Notifier extends Migration {
  override up(): void {
    // The agreements of every theme, as the registry publishes them (the same columns as a theme's projection, plus its theme).
    this.addSql(`create table "agreement" (
      "id" text primary key,
      "consumer" text not null,
      "scope" text not null,
      "publisher" text not null,
      "theme" text not null,
      "type" text not null,
      "purpose" text null,
      "fields" jsonb null,
      "status" text not null,
      "version" integer not null,
      "changed_at" timestamptz not null)`);
    this.addSql('create index "agreement_consumer_index" on "agreement" ("consumer", "type")');
    this.addSql(`create table "subscription" (
      "id" uuid primary key,
      "ente" text not null,
      "client_id" text not null,
      "types" text[] not null,
      "publishers" text[] null,
      "filter" jsonb null,
      "triggers" text[] not null,
      "callback_url" text not null,
      "secret" text not null,
      "previous_secret" text null,
      "previous_secret_until" timestamptz null,
      "expires_at" timestamptz null,
      "paused" boolean not null default false,
      "paused_reason" text null,
      "consecutive_failures" integer not null default 0,
      "sent" bigint not null default 0,
      "failed" bigint not null default 0,
      "last_success_at" timestamptz null,
      "last_failure_at" timestamptz null,
      "last_failure_reason" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now())`);
    this.addSql('create index "subscription_ente_index" on "subscription" ("ente")');
    this.addSql('create index "subscription_types_index" on "subscription" using gin ("types")');
    // Every record event consumed, once: what deliveries send and what a replay reads again.
    this.addSql(`create table "record_event" (
      "position" bigserial primary key,
      "id" text not null unique,
      "theme" text not null,
      "type" text not null,
      "ente" text not null,
      "key" text not null,
      "operation" text not null,
      "visibility" text not null,
      "time" timestamptz not null,
      "event" jsonb not null,
      "data" jsonb null)`);
    this.addSql('create index "record_event_time_index" on "record_event" ("time")');
    this.addSql('create index "record_event_record_index" on "record_event" ("type", "ente", "key", "position")');
    // The delivery outbox: written in the consumer's transaction, worked off by the dispatcher.
    this.addSql(`create table "delivery" (
      "id" uuid primary key,
      "seq" bigserial not null,
      "subscription_id" uuid not null references "subscription" ("id") on delete cascade,
      "event_position" bigint not null references "record_event" ("position"),
      "record" text not null,
      "status" text not null default 'pending' check ("status" in ('pending', 'delivered', 'dead', 'withheld')),
      "replay" boolean not null default false,
      "attempts" integer not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "retry_until" timestamptz not null,
      "last_error" text null,
      "last_status" integer null,
      "created_at" timestamptz not null default now(),
      "finished_at" timestamptz null)`);
    this.addSql(
      `create index "delivery_pending_index" on "delivery" ("subscription_id", "record", "seq") where "status" = 'pending'`,
    );
    this.addSql(`create index "delivery_due_index" on "delivery" ("next_attempt_at") where "status" = 'pending'`);
    this.addSql('create index "delivery_subscription_index" on "delivery" ("subscription_id", "status", "seq")');
  }

  override down(): void {
    this.addSql('drop table if exists "delivery"');
    this.addSql('drop table if exists "record_event"');
    this.addSql('drop table if exists "subscription"');
    this.addSql('drop table if exists "agreement"');
  }
}

class Migration20261203170001NotifierClaimIndex extends Migration {
  override up(): void {
    // The claim reads each subscription's earliest due deliveries, not every pending one in time order.
    this.addSql(
      `create index "delivery_subscription_due_index" on "delivery" ("subscription_id", "next_attempt_at", "seq") where "status" = 'pending'`,
    );
    this.addSql('drop index if exists "delivery_due_index"');
  }

  override down(): void {
    this.addSql(`create index "delivery_due_index" on "delivery" ("next_attempt_at") where "status" = 'pending'`);
    this.addSql('drop index if exists "delivery_subscription_due_index"');
  }
}

class Migration20261203170002NotifierFeedPlace extends Migration {
  override up(): void {
    // The event's place in its theme's feed (its ce_feedcursor): a replay can start from a feed cursor.
    // Null for events published before themes sent it.
    this.addSql('alter table "record_event" add column "feed_tx" bigint null, add column "feed_position" bigint null');
    this.addSql(
      'create index "record_event_feed_index" on "record_event" ("theme", "feed_tx", "feed_position") where "feed_tx" is not null',
    );
  }

  override down(): void {
    this.addSql('drop index if exists "record_event_feed_index"');
    this.addSql('alter table "record_event" drop column "feed_tx", drop column "feed_position"');
  }
}

/** The notifier's own tables, listed after messagingMigrations (processed_event). */
export const notifierMigrations = migrationList({
  Migration20261203100001Notifier,
  Migration20261203160001NotifierRevocation: RevocationTableMigration,
  Migration20261203170001NotifierClaimIndex,
  Migration20261203170002NotifierFeedPlace,
});
