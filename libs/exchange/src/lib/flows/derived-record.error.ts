import type { IssueDetail } from '@interscambio/http';
import { ProblemError } from '@interscambio/http';

/** A consumer derived a record its own theme refuses: a bug in the flow, so the event goes to the DLQ. */
export class DerivedRecordInvalidError extends ProblemError {
  constructor(type: string, ente: string, key: string, errors: IssueDetail[]) {
    const detail = `derived ${type} ${ente}/${key}: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`;
    super('derived-record-invalid', 422, 'Derived record invalid', detail, errors);
  }
}
