import { Injectable } from '@nestjs/common';
import { eventCorrelationId, eventTraceparent } from '@interscambio/messaging';
import type { CloudEvent } from '@interscambio/messaging';
import { activeTraceparent } from '@interscambio/observability';
import { RecordWriter } from '../records/record-writer';
import type { RecordCommand, RecordOutcome, RequestTrace } from '../records/record.types';
import { DerivedRecordInvalidError } from './derived-record.error';
import type { DerivedRecords } from './flow';

/** Derived writes through the one write path, as made by the flow for the ente of each record. */
@Injectable()
export class FlowWriter {
  constructor(private readonly writer: RecordWriter) {}

  /** Writes caused by `event`, audited as made by `actor` (the flow) for the ente of each record. */
  forEvent(event: CloudEvent, actor: string): DerivedRecords {
    const trace = (ente: string): RequestTrace => ({
      correlationId: eventCorrelationId(event) ?? event.id,
      // The consumer's span when OpenTelemetry runs, else the event's own context, carried on as is.
      traceparent: activeTraceparent() ?? eventTraceparent(event),
      actor: { clientId: actor, ente },
    });
    return {
      put: async ({ type, ente, key, data }, options) => {
        const outcome = await this.writeOne(
          { op: 'put', type, ente, key, data, ifAbsent: options?.ifAbsent },
          trace(ente),
        );
        if (outcome.status === 'rejected') throw new DerivedRecordInvalidError(type, ente, key, outcome.rejection);
        // A put is never a tombstone.
        return outcome.status as 'created' | 'updated' | 'unchanged' | 'kept';
      },
      remove: async (type, ente, key) => {
        const outcome = await this.writeOne({ op: 'delete', type, ente, key }, trace(ente));
        if (outcome.status !== 'rejected') return true;
        if (outcome.rejection.code === 'record-not-found') return false;
        throw new DerivedRecordInvalidError(type, ente, key, outcome.rejection);
      },
    };
  }

  private async writeOne(command: RecordCommand, trace: RequestTrace): Promise<RecordOutcome> {
    const [outcome] = await this.writer.commit([command], trace);
    return outcome as RecordOutcome;
  }
}
