import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100002OpenData extends Migration {
  override up(): void {
    // The open-data export: the live pubblico records, kept up to date from the change feed (the
    // cursor says how far), so an export never scans the record table and never sees anything else.
    this.addSql(`create table "opendata_record" (
      "type" text not null,
      "ente" text not null,
      "key" text not null,
      "revision" integer not null,
      "data" jsonb not null,
      "updated_at" timestamptz not null,
      primary key ("type", "ente", "key"))`);
    this.addSql(`create table "opendata_cursor" (
      "id" boolean primary key default true check ("id"),
      "cursor" text not null)`);
  }

  override down(): void {
    this.addSql('drop table if exists "opendata_cursor"');
    this.addSql('drop table if exists "opendata_record"');
  }
}
