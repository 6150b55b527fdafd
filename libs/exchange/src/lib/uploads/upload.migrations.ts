import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100001Upload extends Migration {
  override up(): void {
    // A spreadsheet upload and where its processing is: `checkpoint` is the last row whose record
    // was published or reported, committed in the same transaction as that batch of records, so a
    // restart goes on after it and publishes no row twice.
    this.addSql(`create table "upload" (
      "id" uuid primary key,
      "type" text not null,
      "ente" text not null,
      "client_id" text not null,
      "correlation_id" text not null,
      "file_name" text,
      "format" text not null check ("format" in ('csv', 'xlsx')),
      "encoding" text not null,
      "delimiter" text not null,
      "size" bigint not null,
      "columns" jsonb not null,
      "total_rows" integer not null,
      "checkpoint" integer not null default 1,
      "rows_read" integer not null default 0,
      "published" integer not null default 0,
      "rejected" integer not null default 0,
      "status" text not null check ("status" in ('in-coda', 'in-corso', 'completato')),
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "finished_at" timestamptz)`);
    this.addSql(`create index "upload_unfinished_index" on "upload" ("created_at") where "status" <> 'completato'`);
    // The file itself, in pieces, so any replica can resume it and memory stays bounded.
    this.addSql(`create table "upload_chunk" (
      "upload_id" uuid not null references "upload" ("id") on delete cascade,
      "n" integer not null,
      "data" bytea not null,
      primary key ("upload_id", "n"))`);
    this.addSql(`create table "upload_error" (
      "upload_id" uuid not null references "upload" ("id") on delete cascade,
      "row" integer not null,
      "cells" jsonb not null,
      "errors" jsonb not null,
      primary key ("upload_id", "row"))`);
  }

  override down(): void {
    this.addSql('drop table if exists "upload_error"');
    this.addSql('drop table if exists "upload_chunk"');
    this.addSql('drop table if exists "upload"');
  }
}
