import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

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

/** The migrations of the messaging library, to be listed by every service that consumes events. */
export const messagingMigrations: MigrationObject[] = [
  { name: 'Migration20261123000001ProcessedEvent', class: Migration20261123000001ProcessedEvent },
];
