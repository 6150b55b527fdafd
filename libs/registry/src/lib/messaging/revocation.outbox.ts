import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { revocationEvent } from '@interscambio/access';
import type { RevocationState } from '@interscambio/access';
import { RegistrySettings } from '../registry.settings';
import { RegistryDatabase } from '../storage/registry.database';
import { appendOutboxInTransaction } from '../storage/transactional-outbox';

/**
 * A change that withdraws tokens (a client revoked, a key removed, an ente disabled or enabled),
 * committed with the outbox row that tells every theme, so that none of them keeps accepting the
 * tokens until they expire.
 */
@Injectable()
export class RevocationOutbox {
  constructor(
    private readonly db: RegistryDatabase,
    @Inject(RegistrySettings) private readonly settings: Pick<RegistrySettings, 'topicPrefix'>,
  ) {}

  /** Runs `work` in one transaction with the revocations it returns, then wakes the relay. */
  async change<T>(work: (tx: EntityManager) => Promise<{ result: T; revocations: RevocationState[] }>): Promise<T> {
    const result = await this.db.em.transactional(async (tx) => {
      const done = await work(tx);
      const events = done.revocations.map((r) => revocationEvent(r, this.settings.topicPrefix));
      if (events.length > 0) await appendOutboxInTransaction(tx, this.db.schema, events);
      return done.result;
    });
    this.db.changes.committed();
    return result;
  }
}

/** The state of a revocation taking effect (or lifted) at `at`. */
export function revocation(
  kind: RevocationState['kind'],
  subject: string,
  clientId: string | null,
  revoked: boolean,
  at: Date,
): RevocationState {
  return { kind, subject, clientId, revoked, since: at.toISOString(), version: at.getTime() };
}
