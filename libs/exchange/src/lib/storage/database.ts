import { Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ChangeSignal, createPool, inTransaction, qualifiedTable } from '@interscambio/persistence';
import type { PoolClient } from 'pg';
import type { Pool } from 'pg';

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
    const logger = new Logger('Database');
    this.pool = createPool({ connectionString: url, max: poolSize, application_name: `interscambio-${schema}` }, (m) =>
      logger.warn(m),
    );
    this.changes = new ChangeSignal({ url, pool: this.pool, schema, log: (m) => logger.warn(m) });
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
