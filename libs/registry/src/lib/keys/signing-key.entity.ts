import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Jwk } from '@interscambio/access';

export type SigningKeyStatus = 'active' | 'retired';

/** One of the registry's token signing keys; the private half only as AES-256-GCM ciphertext. */
@Entity({ tableName: 'signing_key' })
export class StoredSigningKey {
  @PrimaryKey({ type: 'text' })
  kid!: string;

  @Property({ type: 'text' })
  alg!: string;

  @Property({ type: 'json' })
  publicJwk!: Jwk;

  @Property({ type: 'text' })
  privateKey!: string;

  @Property({ type: 'text' })
  status!: SigningKeyStatus;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}
