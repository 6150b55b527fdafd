import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { AuditSealer } from '@interscambio/audit';
import type { AuditHead } from '@interscambio/audit';
import { Database } from '../storage/database';
import { AuditAnchors } from './audit-anchors';

/**
 * Links the entries writers appended into the hash chain, off the request path, for as long as the
 * app runs; each moved head goes out as an anchor.
 */
@Injectable()
export class AuditSealerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditSealer');
  private readonly sealer: AuditSealer;

  constructor(
    db: Database,
    private readonly anchors: AuditAnchors,
  ) {
    this.sealer = new AuditSealer({
      pool: db.pool,
      schema: db.schema,
      onSealed: (head) => anchors.sealed(head),
      log: (m) => this.logger.warn(m),
    });
  }

  /** Resolves once every entry committed before the call is in the chain. */
  sealNow(): Promise<AuditHead> {
    return this.sealer.sealNow();
  }

  onApplicationBootstrap(): void {
    this.sealer.start();
  }

  /** Before the pool closes (Database's onApplicationShutdown): the last pass still needs it. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sealer.stop();
    await this.anchors.flush();
  }
}
