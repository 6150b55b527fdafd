import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A client assertion's jti, kept until the assertion expires so it cannot be replayed (RFC 7523 §3). */
@Entity({ tableName: 'used_assertion' })
export class UsedAssertion {
  @PrimaryKey({ type: 'text' })
  clientId!: string;

  @PrimaryKey({ type: 'text' })
  jti!: string;

  @Property({ type: 'datetime' })
  usedAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
