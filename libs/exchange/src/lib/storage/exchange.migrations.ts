import { Migration } from '@mikro-orm/migrations';
import { migrationList, statementTrigger } from '@interscambio/persistence';
import { RevocationTableMigration } from '@interscambio/access';
import { Migration20261203100002OpenData } from '../opendata/opendata.migrations';
import { Migration20261203100001Upload } from '../uploads/upload.migrations';

class Migration20261125000001Record extends Migration {
  override up(): void {
    this.addSql(`create table "record" (
      "id" uuid primary key,
      "type" text not null,
      "ente" text not null check ("ente" ~ '^[0-9]{6}$'),
      "key" text not null,
      "schema_major" integer not null,
      "revision" integer not null,
      "operation" text not null check ("operation" in ('created', 'updated', 'deleted')),
      "data" jsonb,
      "visibility" text not null,
      "content_hash" text,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "deleted_at" timestamptz,
      "feed_position" bigint not null,
      constraint "record_type_ente_key_unique" unique ("type", "ente", "key"),
      constraint "record_feed_position_unique" unique ("feed_position"))`);
    this.addSql('create index "record_type_feed_position_index" on "record" ("type", "feed_position")');
    // One row, locked first and bumped by every write transaction: see lockFeedSql in record.sql.ts.
    this.addSql(`create table "feed_counter" (
      "id" boolean primary key default true check ("id"),
      "position" bigint not null)`);
    this.addSql('insert into "feed_counter" ("id", "position") values (true, 0)');
    // Statement-level, and NOTIFY is delivered at commit: long-polls wake once per committed write.
    this.addSql(`create function "notify_record_feed"() returns trigger language plpgsql as $body$
      begin perform pg_notify('interscambio_feed_' || md5(tg_table_schema), ''); return null; end $body$`);
    this.addSql(statementTrigger('record_feed_notify', 'after insert or update', 'record', 'notify_record_feed'));
  }

  override down(): void {
    this.addSql('drop table if exists "record"');
    this.addSql('drop table if exists "feed_counter"');
    this.addSql('drop function if exists "notify_record_feed"()');
  }
}

class Migration20261125000002IdempotencyKey extends Migration {
  override up(): void {
    this.addSql(`create table "idempotency_key" (
      "scope" text not null,
      "key" text not null,
      "fingerprint" text not null,
      "status" integer not null,
      "headers" jsonb not null,
      "body" jsonb,
      "created_at" timestamptz not null default now(),
      constraint "idempotency_key_pkey" primary key ("scope", "key"))`);
  }

  override down(): void {
    this.addSql('drop table if exists "idempotency_key"');
  }
}

class Migration20261126000001RecordChange extends Migration {
  override up(): void {
    // Every revision of every record, at the position its write took: the change feed reads this,
    // so a record changed twice between two reads shows both changes, not only its latest state.
    this.addSql(`create table "record_change" (
      "position" bigint primary key,
      "record_id" uuid not null,
      "type" text not null,
      "ente" text not null,
      "key" text not null,
      "revision" integer not null,
      "operation" text not null check ("operation" in ('created', 'updated', 'deleted')),
      "visibility" text not null,
      "data" jsonb,
      "changed_at" timestamptz not null)`);
    this.addSql('create index "record_change_type_position_index" on "record_change" ("type", "position")');
    // Earlier revisions were never kept; each record's latest one keeps its position, so cursors
    // already handed out go on where they were.
    this.addSql(`insert into "record_change"
      ("position", "record_id", "type", "ente", "key", "revision", "operation", "visibility", "data", "changed_at")
      select "feed_position", "id", "type", "ente", "key", "revision", "operation", "visibility", "data", "updated_at"
      from "record"`);
    this.addSql('drop trigger "record_feed_notify" on "record"');
    this.addSql(statementTrigger('record_change_feed_notify', 'after insert', 'record_change', 'notify_record_feed'));
  }

  override down(): void {
    this.addSql('drop table if exists "record_change"');
    this.addSql(statementTrigger('record_feed_notify', 'after insert or update', 'record', 'notify_record_feed'));
  }
}

class Migration20261201000002Agreement extends Migration {
  override up(): void {
    // The registry's agreements for this theme's types, as its topic delivers them: every read
    // check is local. Only the latest version of each is kept.
    this.addSql(`create table "agreement" (
      "id" text primary key,
      "consumer" text not null,
      "scope" text not null check ("scope" in ('ente', 'metro')),
      "publisher" text not null,
      "type" text not null,
      "purpose" text,
      "status" text not null,
      "version" integer not null,
      "changed_at" timestamptz not null)`);
    this.addSql(`create index "agreement_active_index" on "agreement" ("consumer", "type") where "status" = 'active'`);
  }

  override down(): void {
    this.addSql('drop table if exists "agreement"');
  }
}

class Migration20261203000001FeedWithoutCounter extends Migration {
  override up(): void {
    // Positions now come from a sequence and each change carries the (effective) id of the
    // transaction that wrote it: readers order by (tx, position) and stop below the oldest
    // transaction still running (see feed.reader.ts), so writers no longer queue on feed_counter.
    this.addSql('create sequence "feed_position_seq" as bigint');
    this.addSql(`select setval('"feed_position_seq"', (select "position" from "feed_counter") + 1, false)`);
    this.addSql('drop table "feed_counter"');
    // Changes written before this migration all committed in counter order: tx 0 keeps them first,
    // so cursors handed out earlier (positions alone) go on where they were.
    this.addSql('alter table "record_change" add column "tx" bigint not null default 0');
    this.addSql('alter table "record_change" alter column "tx" drop default');
    this.addSql('alter table "record_change" drop constraint "record_change_pkey"');
    this.addSql('alter table "record_change" add constraint "record_change_pkey" primary key ("tx", "position")');
    this.addSql('drop index "record_change_type_position_index"');
    this.addSql('create index "record_change_type_tx_position_index" on "record_change" ("type", "tx", "position")');
    this.addSql('alter table "record" add column "feed_tx" bigint not null default 0');
    this.addSql('alter table "record" alter column "feed_tx" drop default');
    this.addSql('alter table "record" drop constraint "record_feed_position_unique"');
    this.addSql('drop index "record_type_feed_position_index"');
    this.addSql('create index "record_type_feed_tx_position_index" on "record" ("type", "feed_tx", "feed_position")');
    // Long-polls are woken by the writers' coalesced ChangeSignal, not by a NOTIFY in every commit.
    this.addSql('drop trigger "record_change_feed_notify" on "record_change"');
    this.addSql('drop function "notify_record_feed"()');
  }

  override down(): void {
    throw new Error('Migration20261203000001FeedWithoutCounter cannot be undone: restore from a backup');
  }
}

class Migration20261203000003Receipt extends Migration {
  override up(): void {
    // The signed receipt of each change (receipts/receipt.signer.ts), kept with its revision, and
    // the index that finds one revision of one record (a receipt, later the revision history).
    this.addSql('alter table "record_change" add column "receipt" text');
    this.addSql('create index "record_change_record_revision_index" on "record_change" ("record_id", "revision")');
  }

  override down(): void {
    this.addSql('drop index "record_change_record_revision_index"');
    this.addSql('alter table "record_change" drop column "receipt"');
  }
}

class Migration20261203000004IdempotencyAnswerText extends Migration {
  override up(): void {
    // A replayed answer is kept as the JSON text first sent: jsonb refuses a NUL or a lone surrogate,
    // which a batch answer repeats from the items it refused (the write then failed with a 500).
    this.addSql('alter table "idempotency_key" alter column "body" type text using "body"::text');
  }

  override down(): void {
    this.addSql('alter table "idempotency_key" alter column "body" type jsonb using "body"::jsonb');
  }
}

class Migration20261203000005AgreementFields extends Migration {
  override up(): void {
    // The fields an agreement lets its consumer see; a personale agreement without them opens nothing.
    this.addSql('alter table "agreement" add column "fields" jsonb');
  }

  override down(): void {
    this.addSql('alter table "agreement" drop column "fields"');
  }
}

/** The exchange's own tables; a theme service lists them after `messagingMigrations`. */
export const exchangeMigrations = migrationList({
  Migration20261125000001Record,
  Migration20261125000002IdempotencyKey,
  Migration20261126000001RecordChange,
  Migration20261201000002Agreement,
  Migration20261203000001FeedWithoutCounter,
  Migration20261203000003Receipt,
  Migration20261203000004IdempotencyAnswerText,
  Migration20261203000005AgreementFields,
  Migration20261203100001Upload,
  Migration20261203100002OpenData,
  Migration20261203100002Revocation: RevocationTableMigration,
});
