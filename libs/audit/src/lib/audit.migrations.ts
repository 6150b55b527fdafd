import { Migration } from '@mikro-orm/migrations';
import { migrationList, statementTrigger } from '@interscambio/persistence';
import { AUDIT_GENESIS_HASH } from './audit.hash';

// What an entry says, pending or sealed. Both migrations ran with this very text: keep it as it is.
const ENTRY_COLUMNS = `"at" timestamptz not null,
      "client_id" text not null,
      "ente" text not null,
      "action" text not null check ("action" in ('created', 'updated', 'deleted', 'read')),
      "record_type" text not null,
      "record_ente" text not null,
      "record_key" text not null,
      "revision" integer,
      "agreement_id" text,
      "purpose" text,
      "correlation_id" text not null`;

class Migration20261201000001AuditEntry extends Migration {
  override up(): void {
    this.addSql(`create table "audit_entry" (
      "seq" bigint primary key,
      ${ENTRY_COLUMNS},
      "prev_hash" text not null,
      "hash" text not null)`);
    this.addSql(`create index "audit_entry_record_index"
      on "audit_entry" ("record_type", "record_ente", "record_key", "seq")`);
    // One row, locked by every append: appenders serialise on it, so seq is gapless in commit order.
    this.addSql(`create table "audit_head" (
      "id" boolean primary key default true check ("id"),
      "seq" bigint not null,
      "hash" text not null)`);
    this.addSql(`insert into "audit_head" ("id", "seq", "hash") values (true, 0, '${AUDIT_GENESIS_HASH}')`);
    // Stops mistakes and ordinary roles only: whoever can disable triggers can rewrite rows, and
    // then the hash chain is what shows it.
    this.addSql(`create function "audit_append_only"() returns trigger language plpgsql as $body$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $body$`);
    this.addSql(
      statementTrigger(
        'audit_entry_append_only',
        'before update or delete or truncate',
        'audit_entry',
        'audit_append_only',
      ),
    );
    this.addSql(statementTrigger('audit_head_kept', 'before delete or truncate', 'audit_head', 'audit_append_only'));
  }

  override down(): void {
    this.addSql('drop table if exists "audit_entry"');
    this.addSql('drop table if exists "audit_head"');
    this.addSql('drop function if exists "audit_append_only"()');
  }
}

// Appends no longer lock audit_head (the comment above describes the first design): they insert here
// in the writer's transaction, and one sealer per schema (seal-audit.ts) chains the entries into
// audit_entry in the order it sees them committed, moving the head. So seq is gapless in seal order.
class Migration20261203000002AuditPending extends Migration {
  override up(): void {
    this.addSql(`create table "audit_pending" (
      "id" bigint generated always as identity primary key,
      ${ENTRY_COLUMNS})`);
    this.addSql(`comment on table "audit_head" is 'seq and hash of the last sealed entry; only the sealer moves it'`);
  }

  override down(): void {
    this.addSql('comment on table "audit_head" is null');
    this.addSql('drop table if exists "audit_pending"');
  }
}

class Migration20261203000004AuditFields extends Migration {
  override up(): void {
    // The fields a personale read showed (JSON pointers), when its agreement names them: the trail
    // says what left, not only that something did. Hashed only when present (audit.hash.ts).
    this.addSql('alter table "audit_pending" add column "fields" jsonb');
    this.addSql('alter table "audit_entry" add column "fields" jsonb');
  }

  override down(): void {
    this.addSql('alter table "audit_entry" drop column "fields"');
    this.addSql('alter table "audit_pending" drop column "fields"');
  }
}

/** The audit trail's tables; a theme service lists them with its other migrations. */
export const auditMigrations = migrationList({
  Migration20261201000001AuditEntry,
  Migration20261203000002AuditPending,
  Migration20261203000004AuditFields,
});
