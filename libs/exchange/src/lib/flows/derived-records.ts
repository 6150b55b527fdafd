import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@interscambio/messaging';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { contentHash } from '../records/content-hash';
import { checkEnte, checkKey } from '../records/record-request';
import { RecordStore } from '../records/record.store';
import type { RequestTrace, WriteOutcome } from '../records/record.types';
import { RecordNotFoundError } from '../problem/exchange.error';
import { Database } from '../storage/database';
import { inTransaction } from '@interscambio/persistence';
import { DerivedRecordInvalidError } from './derived-record.error';

export interface DerivedRecord {
  type: string;
  ente: string;
  key: string;
  data: unknown;
}

export interface DerivedPutOptions {
  /** Leave an existing record alone: once derived, the record is its publisher's to update. */
  ifAbsent?: boolean;
}

/** What a ThemeConsumer may do: write records of its own theme, the way a PUT or DELETE does. */
export interface DerivedRecords {
  put(record: DerivedRecord, options?: DerivedPutOptions): Promise<WriteOutcome['status'] | 'kept'>;
  /** Tombstones the record; false when there is none. */
  remove(type: string, ente: string, key: string): Promise<boolean>;
}

/** Derived writes through the same path as the REST API: schema and rules, upsert, change log, outbox. */
@Injectable()
export class DerivedRecordWriter {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly store: RecordStore,
  ) {}

  /** Writes caused by `event`, audited as made by `actor` (the flow) for the ente of each record. */
  forEvent(event: CloudEvent, actor: string): DerivedRecords {
    const trace = (ente: string): RequestTrace => ({
      correlationId: event.headers['interscambio-correlation-id'] ?? event.id,
      traceparent: event.extensions['traceparent'],
      actor: { clientId: actor, ente },
    });
    return {
      put: (record, options) => this.put(record, options ?? {}, trace(record.ente)),
      remove: (type, ente, key) => this.remove(type, ente, key, trace(ente)),
    };
  }

  private async put(
    { type, ente, key, data }: DerivedRecord,
    options: DerivedPutOptions,
    trace: RequestTrace,
  ): Promise<WriteOutcome['status'] | 'kept'> {
    const ref = this.catalog.ref(type);
    checkEnte(ente);
    checkKey(key);
    const errors = this.catalog.validate(ref, data, { ente });
    if (errors.length > 0) throw new DerivedRecordInvalidError(type, ente, key, errors);
    const write = { ente, key, data, hash: contentHash(data, ref.major) };
    return inTransaction(this.db.pool, async (client) => {
      if (options.ifAbsent) {
        // Tombstones count: a derived record its publisher deleted stays deleted.
        const { rows } = await client.query(
          `select 1 from ${this.db.table('record')} where type = $1 and ente = $2 and key = $3`,
          [type, ente, key],
        );
        if (rows.length > 0) return 'kept';
      }
      const [outcome] = await this.store.upsert(client, ref, [write], trace);
      return (outcome as WriteOutcome).status;
    });
  }

  private async remove(type: string, ente: string, key: string, trace: RequestTrace): Promise<boolean> {
    const ref = this.catalog.ref(type);
    try {
      await inTransaction(this.db.pool, (client) => this.store.remove(client, ref, ente, key, undefined, trace));
      return true;
    } catch (error) {
      if (error instanceof RecordNotFoundError) return false;
      throw error;
    }
  }
}
