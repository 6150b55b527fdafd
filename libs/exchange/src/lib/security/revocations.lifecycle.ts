import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { REVOCATION_KINDS, RevocationSet } from '@interscambio/access';
import { nullable, oneOf, rowParser, text, timestamp } from '@interscambio/persistence';
import { Database } from '../storage/database';

const REFRESH_MS = 1000;

const parseRow = rowParser('revocation', {
  kind: oneOf(REVOCATION_KINDS),
  subject: text,
  client_id: nullable(text),
  since: timestamp,
});

/**
 * Reloads the revocations in force into the gate's RevocationSet every second. One replica's
 * consumer writes the table; every replica reads it, so all of them refuse a revoked client's
 * tokens within about a second of the event. A failed reload keeps the last set and tries again.
 */
@Injectable()
export class RevocationsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Revocations');
  private timer?: NodeJS.Timeout;
  private failing = false;

  constructor(
    private readonly db: Database,
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
      const { rows } = await this.db.pool.query(
        `select kind, subject, client_id, since from ${this.db.table('revocation')} where revoked`,
      );
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
