import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Jwk } from '@interscambio/access';

/** A public key a private_key_jwt client signs its assertions with (RFC 7523). */
@Entity({ tableName: 'client_key' })
export class ClientKey {
  @PrimaryKey({ type: 'text' })
  clientId!: string;

  @PrimaryKey({ type: 'text' })
  kid!: string;

  @Property({ type: 'json' })
  jwk!: Jwk;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
