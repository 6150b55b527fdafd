import { Migration } from '@mikro-orm/migrations';

/**
 * The `revocation` projection that a RevocationsReloader reads: the registry's revocations (clients,
 * their keys, enti), projected like the agreements. The themes and the notifier each list it under
 * a migration name of their own, applied long ago: the names and this SQL must not change.
 */
export class RevocationTableMigration extends Migration {
  override up(): void {
    this.addSql(`create table "revocation" (
      "kind" text not null,
      "subject" text not null,
      "client_id" text null,
      "revoked" boolean not null,
      "since" timestamptz not null,
      "version" bigint not null,
      constraint "revocation_pkey" primary key ("kind", "subject"))`);
  }

  override down(): void {
    this.addSql('drop table if exists "revocation"');
  }
}
