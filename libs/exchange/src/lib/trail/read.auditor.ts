import { Injectable } from '@nestjs/common';
import { appendAudit } from '@interscambio/audit';
import type { RequestTrace } from '../records/record.types';
import { Database } from '../storage/database';
import { inTransaction } from '@interscambio/persistence';

/** A `personale` record about to be shown, and the agreement that allows it (none for its publisher). */
export interface RecordRead {
  type: string;
  ente: string;
  key: string;
  revision: number;
  agreementId: string | null;
  purpose: string | null;
  /** The fields shown, when the agreement named them (the rest of the record did not leave). */
  fields: string[] | null;
}

/**
 * Special-category data leaves the service only after its reading is in the audit trail: one
 * `read` entry per record, with the agreement and purpose, committed before the answer is sent.
 */
@Injectable()
export class ReadAuditor {
  constructor(private readonly db: Database) {}

  async record(reads: RecordRead[], trace: RequestTrace): Promise<void> {
    if (reads.length === 0) return;
    await inTransaction(this.db.pool, (client) =>
      appendAudit(
        client,
        this.db.schema,
        reads.map((r) => ({
          clientId: trace.actor.clientId,
          ente: trace.actor.ente,
          action: 'read' as const,
          recordType: r.type,
          recordEnte: r.ente,
          recordKey: r.key,
          revision: r.revision,
          agreementId: r.agreementId,
          purpose: r.purpose,
          fields: r.fields,
          correlationId: trace.correlationId,
        })),
      ),
    );
  }
}
