import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { qualifiedTable } from '@interscambio/persistence';
import { Pool } from 'pg';

/** The service's connection pool and schema, for the hot path that bypasses the ORM. */
export class Database implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(
    readonly url: string,
    readonly schema: string,
    poolSize: number,
  ) {
    this.pool = new Pool({ connectionString: url, max: poolSize, application_name: `interscambio-${schema}` });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => new Logger('Database').warn(`idle connection lost: ${error.message}`));
  }

  /** `"<schema>"."<table>"` */
  table(name: string): string {
    return qualifiedTable(this.schema, name);
  }

  /** The NOTIFY channel the change log's trigger signals on after each committed write (see the migrations). */
  get feedChannel(): string {
    return `interscambio_feed_${createHash('md5').update(this.schema).digest('hex')}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
