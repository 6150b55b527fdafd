import type { RecordRejection } from '../records/record.types';

/** A consumer derived a record its own theme refuses: a bug in the flow, so the event goes to the DLQ. */
export class DerivedRecordInvalidError extends Error {
  readonly code = 'derived-record-invalid';

  constructor(
    type: string,
    ente: string,
    key: string,
    readonly rejection: RecordRejection,
  ) {
    const issues =
      rejection.code === 'invalid-record'
        ? `: ${rejection.issues.map((e) => `${e.pointer} ${e.message}`).join('; ')}`
        : '';
    super(`derived ${type} ${ente}/${key} refused (${rejection.code})${issues}`);
    this.name = 'DerivedRecordInvalidError';
  }
}
