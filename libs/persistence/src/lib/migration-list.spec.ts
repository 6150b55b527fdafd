import { Migration } from '@mikro-orm/migrations';
import { migrationList } from './migration-list';

class Migration1First extends Migration {
  override up(): void {
    this.addSql('select 1');
  }
}

class SharedMigration extends Migration {
  override up(): void {
    this.addSql('select 2');
  }
}

describe('a migration list', () => {
  it('records each migration under its key, in the order listed', () => {
    expect(migrationList({ Migration1First, Migration2Shared: SharedMigration })).toEqual([
      { name: 'Migration1First', class: Migration1First },
      { name: 'Migration2Shared', class: SharedMigration },
    ]);
  });
});
