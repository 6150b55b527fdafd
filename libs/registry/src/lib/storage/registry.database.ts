import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { messagingMigrations, ProcessedEvent } from '@interscambio/messaging';
import { operatorMigrations, rateLimitMigrations } from '@interscambio/access';
import { assertMigrated, ChangeSignal, createPool, openOrm } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import type { Pool } from 'pg';
import type { DatabaseConfig } from '@interscambio/config';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementChange } from '../agreements/agreement-change.entity';
import { ApiClient } from '../clients/api-client.entity';
import { ClientKey } from '../clients/client-key.entity';
import { Ente } from '../enti/ente.entity';
import { StoredSigningKey } from '../keys/signing-key.entity';
import { UsedAssertion } from '../tokens/used-assertion.entity';
import { registryMigrations } from './registry.migrations';

const registryEntities = [
  Ente,
  ApiClient,
  ClientKey,
  UsedAssertion,
  StoredSigningKey,
  Agreement,
  AgreementChange,
  ProcessedEvent,
];

/**
 * Every migration of the registry's schema, in order: messaging's (outbox, processed_event), its own,
 * the rate limits', the console operators' accounts (which the registry keeps and the console reads).
 */
const allRegistryMigrations = [
  ...messagingMigrations,
  ...registryMigrations,
  ...rateLimitMigrations,
  ...operatorMigrations,
];

/** The registry's ORM on its own schema. Work happens in a request context: see `em`. */
export class RegistryDatabase {
  /** Announces committed outbox rows to the relay (see ChangeSignal); NOTIFY goes through a pool of its own. */
  readonly changes: ChangeSignal;
  private readonly notifyPool: Pool;
  /** The rate-limit counters every replica shares: one short statement per request, off the ORM. */
  readonly counters: Pool;

  /** Plain SQL beside the ORM, for what is not an entity (the outbox backlog on /status). */
  get sql(): SqlExecutor {
    return this.notifyPool;
  }

  private constructor(
    readonly orm: MikroORM,
    readonly schema: string,
    readonly url: string,
  ) {
    this.notifyPool = createPool(
      { connectionString: url, max: 1, application_name: 'interscambio-registry-notify' },
      () => undefined,
    );
    this.changes = new ChangeSignal({ url, pool: this.notifyPool, schema });
    this.counters = createPool(
      { connectionString: url, max: 4, application_name: 'interscambio-registry-limits' },
      () => undefined,
    );
  }

  static async open(config: DatabaseConfig, poolSize = config.databasePoolSize): Promise<RegistryDatabase> {
    const orm = await openOrm({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      entities: registryEntities,
      migrations: allRegistryMigrations,
      poolSize,
    });
    return new RegistryDatabase(orm, config.databaseSchema, config.databaseUrl);
  }

  /**
   * The EntityManager of the current request context (an HTTP request, a command run): the global
   * one refuses to work outside such a context (allowGlobalContext is off).
   */
  get em(): EntityManager {
    return this.orm.em;
  }

  /** A unit of work of its own, for work that belongs to no request (boot, key lookups). */
  fork(): EntityManager {
    return this.orm.em.fork();
  }

  assertMigrated(): Promise<void> {
    return assertMigrated(this.orm);
  }

  async close(): Promise<void> {
    await this.changes.close();
    await this.notifyPool.end();
    await this.counters.end();
    await this.orm.close();
  }
}
