import { Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ChangeSignal, inTransaction, qualifiedTable } from '@interscambio/persistence';
import type { PoolClient } from 'pg';
import { Pool } from 'pg';

/** SQLSTATEs after which the whole transaction can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/** The service's connection pool and schema, for the hot path that bypasses the ORM. */
export class Database implements OnApplicationShutdown {
  readonly pool: Pool;
  /** Commits of this schema's writers, for the outbox relay and the feed's long-polls. */
  readonly changes: ChangeSignal;

  constructor(
    readonly url: string,
    readonly schema: string,
    poolSize: number,
  ) {
    this.pool = new Pool({ connectionString: url, max: poolSize, application_name: `interscambio-${schema}` });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => new Logger('Database').warn(`idle connection lost: ${error.message}`));
    this.changes = new ChangeSignal({ url, pool: this.pool, schema, log: (m) => new Logger('Database').warn(m) });
  }

  /** `"<schema>"."<table>"` */
  table(name: string): string {
    return qualifiedTable(this.schema, name);
  }

  /**
   * Runs `work` as one write transaction and announces its commit. Writers lock records in one
   * order, but a deadlock (or a serialization failure) can still end one of two transactions:
   * nothing of it was kept, so it runs again.
   */
  write<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    return this.retrying(() => inTransaction(this.pool, work));
  }

  /** Runs `work`, whose writes are one statement (a transaction by itself), and announces its commit. */
  statement<T>(work: () => Promise<T>): Promise<T> {
    return this.retrying(work);
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await work();
        this.changes.committed();
        return result;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changes.close();
    await this.pool.end();
  }
}
