import { Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { nullable, oneOf, rowParser, text, timestamp } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { REVOCATION_KINDS } from './revocation.contract';
import type { RevocationSet } from './revocation.set';

const REFRESH_MS = 1000;

const parseRow = rowParser('revocation', {
  kind: oneOf(REVOCATION_KINDS),
  subject: text,
  client_id: nullable(text),
  since: timestamp,
});

/**
 * Reloads the revocations in force from a service's `revocation` projection into the gate's
 * RevocationSet every second. One replica's consumer writes the table; every replica reads it, so
 * all of them refuse a revoked client's tokens within about a second of the event. A failed reload
 * keeps the last set and tries again. A service binds it to its own pool and table by subclassing.
 */
export abstract class RevocationsReloader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Revocations');
  private timer?: NodeJS.Timeout;
  private failing = false;

  protected constructor(
    private readonly sql: SqlExecutor,
    private readonly table: string,
    private readonly revocations: RevocationSet,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload(), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async reload(): Promise<void> {
    try {
      const { rows } = await this.sql.query(`select kind, subject, client_id, since from ${this.table} where revoked`);
      this.revocations.replace(
        rows.map(parseRow).map((r) => ({ ...r, clientId: r.client_id, since: r.since.toISOString() })),
      );
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`revocations not reloaded, keeping the last ones: ${error}`);
      this.failing = true;
    }
  }
}
