import { OperatorAccounts, operatorMigrations } from '@interscambio/access';
import { ProcessedEvent } from '@interscambio/messaging';
import { migrate, openOrm } from '@interscambio/persistence';
import { testDatabase } from '@interscambio/testing';
import { Pool } from 'pg';

/**
 * A schema standing in for the registry's, holding what the console reads there: the `operator`
 * table, made by the very migration the registry runs (operatorMigrations), and the accounts in it.
 * (The console may not import the registry's library; the table's one definition is shared.)
 */
export class RegistryOperators {
  private constructor(
    readonly schema: string,
    /** A pool on that schema, to see what a login changed. */
    readonly sql: Pool,
    readonly accounts: OperatorAccounts,
    private readonly drop: () => Promise<void>,
  ) {}

  static async create(prefix: string): Promise<RegistryOperators> {
    const db = await testDatabase(`${prefix}_registry`);
    // MikroORM wants one entity to start; the operator table is plain SQL.
    const orm = await openOrm({
      url: db.url,
      schema: db.schema,
      entities: [ProcessedEvent],
      migrations: operatorMigrations,
      poolSize: 1,
    });
    await migrate(orm);
    await orm.close();
    const sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
    return new RegistryOperators(db.schema, sql, new OperatorAccounts(sql, db.schema), db.drop);
  }

  async close(): Promise<void> {
    await this.sql.end();
    await this.drop();
  }
}
