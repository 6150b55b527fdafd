import { ProblemError } from '@interscambio/http';
import { REGISTRY_BASE_PATH } from '../registry.settings';
import type { Agreement } from './agreement.entity';

/** A live agreement (requested, active or suspended) for the same parties and type already exists. */
export class AgreementExistsError extends ProblemError {
  constructor(existing: Agreement) {
    super(
      'agreement-exists',
      409,
      'Conflict',
      `Agreement ${existing.id} already covers this (consumer ${existing.consumer}, ${existing.scope === 'metro' ? 'metro-wide ' : ''}publisher ${existing.publisher}, ${existing.theme}/${existing.type}) and is ${existing.status}.`,
      undefined,
      {},
      { existingId: existing.id, existing: `${REGISTRY_BASE_PATH}/agreements/${existing.id}` },
    );
  }
}
