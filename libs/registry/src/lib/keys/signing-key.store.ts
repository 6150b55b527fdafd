import type { EntityManager } from '@mikro-orm/postgresql';
import { exportPrivateJwk, generateSigningKey, importSigningKey, publicJwk } from '@interscambio/access';
import type { Jwk, SigningKey } from '@interscambio/access';
import type { RegistryDatabase } from '../storage/registry.database';
import type { KeyCipher } from './key-cipher';
import { StoredSigningKey } from './signing-key.entity';

export interface Rotation {
  active: StoredSigningKey;
  retired: StoredSigningKey | null;
}

/** The signing keys table: creation and rotation serialised across replicas, private halves sealed. */
export class SigningKeyStore {
  constructor(
    private readonly db: RegistryDatabase,
    private readonly cipher: KeyCipher,
  ) {}

  /** The active key; the first boot creates it. Two replicas booting at once create one between them. */
  ensureActive(): Promise<StoredSigningKey> {
    return this.db.fork().transactional(async (tx) => {
      await this.lock(tx);
      return (await tx.findOne(StoredSigningKey, { status: 'active' })) ?? this.create(tx);
    });
  }

  active(): Promise<StoredSigningKey | null> {
    return this.db.fork().findOne(StoredSigningKey, { status: 'active' });
  }

  /** A new active key; the one before is retired now and stays published for a while (see KeyRing). */
  rotate(): Promise<Rotation> {
    return this.db.fork().transactional(async (tx) => {
      await this.lock(tx);
      const retired = await tx.findOne(StoredSigningKey, { status: 'active' });
      if (retired) {
        retired.status = 'retired';
        retired.retiredAt = new Date();
        await tx.flush();
      }
      return { active: await this.create(tx), retired };
    });
  }

  /** The active key and those retired after `since`, newest first. */
  published(since: Date): Promise<StoredSigningKey[]> {
    return this.db
      .fork()
      .find(
        StoredSigningKey,
        { $or: [{ status: 'active' }, { retiredAt: { $gt: since } }] },
        { orderBy: { createdAt: 'desc' } },
      );
  }

  all(): Promise<StoredSigningKey[]> {
    return this.db.fork().find(StoredSigningKey, {}, { orderBy: { createdAt: 'desc' } });
  }

  /** The usable key of a row; throws KeyDecryptionError when REGISTRY_KEY_SECRET is not the one it was sealed with. */
  unseal(row: StoredSigningKey): SigningKey {
    return importSigningKey(JSON.parse(this.cipher.decrypt(row.privateKey, row.kid)) as Jwk, row.kid);
  }

  private async create(tx: EntityManager): Promise<StoredSigningKey> {
    const key = await generateSigningKey('ES256');
    const row = tx.create(StoredSigningKey, {
      kid: key.kid,
      alg: key.alg,
      publicJwk: publicJwk(key.publicKey, { kid: key.kid, alg: key.alg }),
      privateKey: this.cipher.encrypt(JSON.stringify(exportPrivateJwk(key)), key.kid),
      status: 'active',
    });
    await tx.flush();
    return row;
  }

  /** Held until the transaction ends: key creation and rotation happen one at a time, whichever replica asks. */
  private async lock(tx: EntityManager): Promise<void> {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`${this.db.schema}.signing_key`]);
  }
}
