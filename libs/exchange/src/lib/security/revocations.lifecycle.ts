import { Injectable } from '@nestjs/common';
import { RevocationSet, RevocationsReloader } from '@interscambio/access';
import { Database } from '../storage/database';

/** The gate's revocations, reloaded from the theme's own `revocation` projection. */
@Injectable()
export class RevocationsLifecycle extends RevocationsReloader {
  constructor(db: Database, revocations: RevocationSet) {
    super(db.pool, db.table('revocation'), revocations);
  }
}
