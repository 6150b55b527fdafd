import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AgreementStatus } from '@interscambio/access';

/** One step of an agreement's history: who moved it from which status to which, and why. */
@Entity({ tableName: 'agreement_change' })
export class AgreementChange {
  @PrimaryKey({ type: 'uuid' })
  agreementId!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'text', nullable: true })
  fromStatus!: AgreementStatus | null;

  @Property({ type: 'text' })
  toStatus!: AgreementStatus;

  @Property({ type: 'text' })
  byClient!: string;

  @Property({ type: 'text' })
  byEnte!: string;

  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Property({ type: 'datetime' })
  at!: Date;
}
