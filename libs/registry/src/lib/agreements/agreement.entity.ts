import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AgreementScope, AgreementStatus } from '@interscambio/access';

/** An accordo di fruizione: `consumer` may read `publisher`'s (or a whole città metropolitana's) records of one type. */
@Entity({ tableName: 'agreement' })
export class Agreement {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  consumer!: string;

  @Property({ type: 'text' })
  scope!: AgreementScope;

  @Property({ type: 'text' })
  publisher!: string;

  @Property({ type: 'text' })
  theme!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text', nullable: true })
  purpose: string | null = null;

  /** JSON pointers of the fields the consumer may see; all when null (see AgreementState). */
  @Property({ type: 'json', nullable: true })
  fields: string[] | null = null;

  @Property({ type: 'text' })
  status!: AgreementStatus;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  requestedBy!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
