import { ArrayType } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type ClientAuthentication = 'client_secret' | 'private_key_jwt';

/** A back-office system acting for one ente; its secret exists here only as a scrypt hash. */
@Entity({ tableName: 'api_client' })
export class ApiClient {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  ente!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: ArrayType })
  scopes!: string[];

  @Property({ type: 'text' })
  authentication!: ClientAuthentication;

  /** Requests a minute; the service default when null. */
  @Property({ type: 'integer', nullable: true })
  rateLimit: number | null = null;

  @Property({ type: 'text', nullable: true, hidden: true })
  secretHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  secretSetAt: Date | null = null;

  /** The secret before the last rotation: accepted until previousSecretExpiresAt, kept after to explain a refusal. */
  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecretHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();
}
