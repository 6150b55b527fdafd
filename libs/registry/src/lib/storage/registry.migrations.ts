import { Migration } from '@mikro-orm/migrations';
import { migrationList } from '@interscambio/persistence';

class Migration20261201000001Ente extends Migration {
  override up(): void {
    this.addSql(`create table "ente" (
      "codice_istat" text primary key check ("codice_istat" ~ '^[0-9]{6}$'),
      "nome" text not null,
      "kind" text not null check ("kind" in ('comune', 'citta-metropolitana')),
      "provincia" text not null check ("provincia" ~ '^[0-9]{3}$'),
      "codice_ipa" text null,
      "enabled" boolean not null default true,
      "updated_at" timestamptz not null default now())`);
    this.addSql('create index "ente_provincia_index" on "ente" ("provincia")');
  }

  override down(): void {
    this.addSql('drop table if exists "ente"');
  }
}

class Migration20261201000002ApiClient extends Migration {
  override up(): void {
    this.addSql(`create table "api_client" (
      "id" text primary key,
      "ente" text not null references "ente" ("codice_istat"),
      "name" text not null,
      "scopes" text[] not null,
      "authentication" text not null check ("authentication" in ('client_secret', 'private_key_jwt')),
      "rate_limit" integer null check ("rate_limit" > 0),
      "secret_hash" text null,
      "secret_set_at" timestamptz null,
      "previous_secret_hash" text null,
      "previous_secret_expires_at" timestamptz null,
      "revoked_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql('create index "api_client_ente_index" on "api_client" ("ente")');
    // Deferred: the unit of work inserts a client and its first key in one flush, in no set order.
    this.addSql(`create table "client_key" (
      "client_id" text not null references "api_client" ("id") on delete cascade deferrable initially deferred,
      "kid" text not null,
      "jwk" jsonb not null,
      "created_at" timestamptz not null,
      constraint "client_key_pkey" primary key ("client_id", "kid"))`);
    this.addSql(`create table "used_assertion" (
      "client_id" text not null,
      "jti" text not null,
      "used_at" timestamptz not null,
      "expires_at" timestamptz not null,
      constraint "used_assertion_pkey" primary key ("client_id", "jti"))`);
    this.addSql('create index "used_assertion_expires_at_index" on "used_assertion" ("expires_at")');
  }

  override down(): void {
    this.addSql('drop table if exists "used_assertion"');
    this.addSql('drop table if exists "client_key"');
    this.addSql('drop table if exists "api_client"');
  }
}

class Migration20261201000003SigningKey extends Migration {
  override up(): void {
    this.addSql(`create table "signing_key" (
      "kid" text primary key,
      "alg" text not null,
      "public_jwk" jsonb not null,
      "private_key" text not null,
      "status" text not null check ("status" in ('active', 'retired')),
      "created_at" timestamptz not null,
      "retired_at" timestamptz null)`);
    // At most one active key, whatever two replicas booting at once try.
    this.addSql(`create unique index "signing_key_one_active" on "signing_key" ((true)) where "status" = 'active'`);
  }

  override down(): void {
    this.addSql('drop table if exists "signing_key"');
  }
}

class Migration20261201000004Agreement extends Migration {
  override up(): void {
    this.addSql(`create table "agreement" (
      "id" uuid primary key,
      "consumer" text not null references "ente" ("codice_istat"),
      "scope" text not null check ("scope" in ('ente', 'metro')),
      "publisher" text not null references "ente" ("codice_istat"),
      "theme" text not null,
      "type" text not null,
      "purpose" text null check (char_length("purpose") <= 1000),
      "status" text not null check ("status" in ('requested', 'active', 'suspended', 'revoked', 'rejected')),
      "version" integer not null check ("version" > 0),
      "requested_by" text not null,
      "created_at" timestamptz not null,
      "changed_at" timestamptz not null,
      check ("consumer" <> "publisher"))`);
    // One live agreement per pair and type: concurrent duplicate requests cannot both be stored.
    this
      .addSql(`create unique index "agreement_live_unique" on "agreement" ("consumer", "scope", "publisher", "theme", "type")
      where "status" in ('requested', 'active', 'suspended')`);
    this.addSql('create index "agreement_publisher_index" on "agreement" ("publisher")');
    this.addSql('create index "agreement_consumer_index" on "agreement" ("consumer")');
    this.addSql(`create table "agreement_change" (
      "agreement_id" uuid not null references "agreement" ("id") deferrable initially deferred,
      "version" integer not null,
      "from_status" text null,
      "to_status" text not null,
      "by_client" text not null,
      "by_ente" text not null,
      "reason" text null check (char_length("reason") <= 1000),
      "at" timestamptz not null,
      constraint "agreement_change_pkey" primary key ("agreement_id", "version"))`);
  }

  override down(): void {
    this.addSql('drop table if exists "agreement_change"');
    this.addSql('drop table if exists "agreement"');
  }
}

class Migration20261203000001AgreementFields extends Migration {
  override up(): void {
    // The fields a personale agreement lets its consumer see (data minimisation); null: all fields.
    this.addSql('alter table "agreement" add column "fields" jsonb null');
  }

  override down(): void {
    this.addSql('alter table "agreement" drop column "fields"');
  }
}

/** The registry's own tables, listed after messagingMigrations (outbox, processed_event). */
export const registryMigrations = migrationList({
  Migration20261201000001Ente,
  Migration20261201000002ApiClient,
  Migration20261201000003SigningKey,
  Migration20261201000004Agreement,
  Migration20261203000001AgreementFields,
});
