import { Migration } from '@mikro-orm/migrations';
import { migrationList } from '@interscambio/persistence';

class Migration20261123000001ProcessedEvent extends Migration {
  override up(): void {
    this.addSql(`create table "processed_event" (
      "consumer_group" text not null,
      "event_id" text not null,
      "topic" text not null,
      "processed_at" timestamptz not null default now(),
      constraint "processed_event_pkey" primary key ("consumer_group", "event_id"))`);
  }

  override down(): void {
    this.addSql('drop table if exists "processed_event"');
  }
}

class Migration20261124000001Outbox extends Migration {
  override up(): void {
    this.addSql(`create table "outbox" (
      "id" uuid not null primary key,
      "seq" bigserial not null,
      "topic" text not null,
      "key" text not null,
      "headers" jsonb not null default '{}',
      "payload" json null,
      "created_at" timestamptz not null default now(),
      "sent_at" timestamptz null,
      "attempts" integer not null default 0,
      "last_error" text null)`);
    this.addSql('create index "outbox_pending_idx" on "outbox" ("seq") where "sent_at" is null');
  }

  override down(): void {
    this.addSql('drop table if exists "outbox"');
  }
}

/** The migrations of the messaging library, to be listed by every service that publishes (outbox) or consumes (processed_event) events. */
export const messagingMigrations = migrationList({
  Migration20261123000001ProcessedEvent,
  Migration20261124000001Outbox,
});
