import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RevocationSet } from '@interscambio/access';
import type { RevocationKind } from '@interscambio/access';
import { NotifierDatabase } from '../storage/notifier.database';

const REFRESH_MS = 1000;

interface Row {
  kind: RevocationKind;
  subject: string;
  client_id: string | null;
  since: Date;
}

/**
 * Reloads the revocations in force into the access gate's RevocationSet every second, as the theme
 * services do (libs/exchange RevocationsLifecycle, bound to the themes' own database): one replica's
 * consumer writes the table, every replica refuses a revoked client's tokens within about a second.
 * A failed reload keeps the last set and tries again.
 */
@Injectable()
export class RevocationsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Revocations');
  private timer?: NodeJS.Timeout;
  private failing = false;

  constructor(
    private readonly db: NotifierDatabase,
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
      const { rows } = await this.db.pool.query<Row>(
        'select kind, subject, client_id, since from revocation where revoked',
      );
      this.revocations.replace(rows.map((r) => ({ ...r, clientId: r.client_id, since: r.since.toISOString() })));
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`revocations not reloaded, keeping the last ones: ${error}`);
      this.failing = true;
    }
  }
}
