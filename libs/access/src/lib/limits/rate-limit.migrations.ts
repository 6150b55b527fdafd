import { Migration } from '@mikro-orm/migrations';
import { migrationList } from '@interscambio/persistence';

class Migration20261203100001RateLimit extends Migration {
  override up(): void {
    // Unlogged: a counter is not worth a WAL write per request, and a crash that empties the table
    // (or a failover to a replica, which never sees it) only gives every caller a fresh window.
    this.addSql(`create unlogged table "rate_limit" (
      "key" text not null primary key,
      "window_start" timestamptz not null,
      "used" integer not null)`);
  }

  override down(): void {
    this.addSql('drop table if exists "rate_limit"');
  }
}

/** The table the replicas of one service count their callers in; both the themes and the registry list it. */
export const rateLimitMigrations = migrationList({
  Migration20261203100001RateLimit,
});
