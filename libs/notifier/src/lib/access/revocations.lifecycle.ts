import { Injectable } from '@nestjs/common';
import { RevocationSet, RevocationsReloader } from '@interscambio/access';
import { NotifierDatabase } from '../storage/notifier.database';

/** The gate's revocations, reloaded from the notifier's `revocation` projection, as the themes do. */
@Injectable()
export class RevocationsLifecycle extends RevocationsReloader {
  constructor(db: NotifierDatabase, revocations: RevocationSet) {
    super(db.pool, 'revocation', revocations);
  }
}
