import { Migration } from '@mikro-orm/migrations';
import { migrationList } from '@interscambio/persistence';

class Migration20261203190001Operator extends Migration {
  override up(): void {
    // Operators are people: a password hash (scrypt), and a lockout after repeated failures.
    // `subject` is who an identity provider says they are (an OIDC `sub`), for a later SPID/CIE login.
    this.addSql(`create table "operator" (
      "id" uuid primary key,
      "email" text not null unique check ("email" = lower("email")),
      "display_name" text not null,
      "password_hash" text null,
      "subject" text null unique,
      "failed_logins" integer not null default 0,
      "locked_until" timestamptz null,
      "last_login_at" timestamptz null,
      "created_at" timestamptz not null default now())`);
  }

  override down(): void {
    this.addSql('drop table if exists "operator"');
  }
}

/**
 * The operators' accounts, kept by the registry (it alone lists this migration). Defined here, beside
 * OperatorAccounts, because the registry writes them and the console reads them: one definition for both.
 */
export const operatorMigrations = migrationList({
  Migration20261203190001Operator,
});
