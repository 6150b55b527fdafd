import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '@interscambio/access';
import { ConflictError, NotFoundError, UnprocessableError } from '../http/registry.errors';
import { Ente } from '../enti/ente.entity';
import { RegistryDatabase } from '../storage/registry.database';
import { revocation, RevocationOutbox } from '../messaging/revocation.outbox';
import { isUniqueViolation } from '../storage/sql-errors';
import { ApiClient } from './api-client.entity';
import type { ClientAuthentication } from './api-client.entity';
import { readClientJwk } from './client-jwk';
import { ClientKey } from './client-key.entity';
import { assignSecret } from './client-secret';
import { clientKeyView, clientView } from './client.view';
import type { ClientKeyView, ClientView } from './client.view';

export interface NewClient {
  /** Chosen by the sandbox and the admin-client command; a random UUID otherwise. */
  id?: string;
  ente: string;
  name: string;
  scopes: Scope[];
  authentication: ClientAuthentication;
  publicKey?: unknown;
  rateLimit?: number;
}

export interface ClientChange {
  name?: string;
  scopes?: Scope[];
  rateLimit?: number | null;
}

export interface IssuedClient {
  client: ClientView;
  /** Only for client_secret clients, only in this answer. */
  clientSecret?: string;
}

export interface IssuedSecret {
  clientId: string;
  clientSecret: string;
  previousSecretValidUntil: string | null;
}

/** The API clients, as the admin manages them. */
@Injectable()
export class ClientsService {
  constructor(
    private readonly db: RegistryDatabase,
    private readonly revocations: RevocationOutbox,
  ) {}

  async create(spec: NewClient): Promise<IssuedClient> {
    const em = this.db.em;
    if (!(await em.findOne(Ente, { codiceIstat: spec.ente })))
      throw new UnprocessableError('unknown-ente', '/ente', {
        it: `Nessun ente ha il codice ISTAT "${spec.ente}".`,
        en: `No ente has the ISTAT code "${spec.ente}".`,
      });
    if (spec.authentication === 'client_secret' && spec.publicKey !== undefined)
      throw new UnprocessableError('public-key-not-allowed', '/publicKey', {
        it: 'Un client client_secret si autentica con il suo segreto: publicKey vale solo per i client private_key_jwt.',
        en: 'A client_secret client authenticates with its secret: publicKey is only for private_key_jwt clients.',
      });
    const key = spec.publicKey === undefined ? undefined : await readClientJwk(spec.publicKey, '/publicKey');
    const now = new Date();
    const client = em.create(ApiClient, {
      id: spec.id ?? randomUUID(),
      ente: spec.ente,
      name: spec.name,
      scopes: [...spec.scopes],
      authentication: spec.authentication,
      rateLimit: spec.rateLimit ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const clientSecret = spec.authentication === 'client_secret' ? await assignSecret(client, now) : undefined;
    const keys = key ? [em.create(ClientKey, { clientId: client.id, kid: key.kid, jwk: key.jwk, createdAt: now })] : [];
    try {
      await em.flush();
    } catch (error) {
      if (isUniqueViolation(error, 'api_client_pkey'))
        throw new ConflictError('client-exists', {
          it: `Esiste già un client con id "${client.id}".`,
          en: `A client with id "${client.id}" already exists.`,
        });
      throw error;
    }
    return { client: clientView(client, keys), ...(clientSecret ? { clientSecret } : {}) };
  }

  async list(ente?: string): Promise<ClientView[]> {
    const clients = await this.db.em.find(ApiClient, ente === undefined ? {} : { ente }, {
      orderBy: { createdAt: 'asc' },
    });
    const keys = await this.db.em.find(ClientKey, { clientId: { $in: clients.map((c) => c.id) } });
    return clients.map((c) =>
      clientView(
        c,
        keys.filter((k) => k.clientId === c.id),
      ),
    );
  }

  async get(id: string): Promise<ClientView> {
    const client = await this.find(this.db.em, id);
    return clientView(client, await this.keysOf(id));
  }

  async update(id: string, change: ClientChange): Promise<ClientView> {
    const client = await this.find(this.db.em, id);
    if (change.name !== undefined) client.name = change.name;
    if (change.scopes !== undefined) client.scopes = [...change.scopes];
    if (change.rateLimit !== undefined) client.rateLimit = change.rateLimit;
    client.updatedAt = new Date();
    await this.db.em.flush();
    return clientView(client, await this.keysOf(id));
  }

  /** A new secret; the previous one keeps working for `graceSeconds`. Concurrent rotations of one client run one after the other. */
  async rotateSecret(id: string, graceSeconds: number): Promise<IssuedSecret> {
    return this.db.em.transactional(async (tx) => {
      const client = await this.find(tx, id, LockMode.PESSIMISTIC_WRITE);
      if (client.authentication !== 'client_secret')
        throw new ConflictError('client-has-no-secret', {
          it: `Il client "${id}" si autentica con private_key_jwt: ha chiavi, non un segreto. Registrare una chiave con POST /clients/${id}/keys.`,
          en: `Client "${id}" authenticates with private_key_jwt: it has keys, not a secret. Register a key with POST /clients/${id}/keys.`,
        });
      this.refuseRevoked(client);
      const now = new Date();
      const clientSecret = await assignSecret(client, now, graceSeconds);
      await tx.flush();
      return {
        clientId: id,
        clientSecret,
        previousSecretValidUntil: client.previousSecretExpiresAt?.toISOString() ?? null,
      };
    });
  }

  async addKey(id: string, jwk: unknown): Promise<ClientKeyView> {
    const em = this.db.em;
    const client = await this.find(em, id);
    if (client.authentication !== 'private_key_jwt')
      throw new ConflictError('client-uses-client-secret', {
        it: `Il client "${id}" si autentica con un segreto; le chiavi sono per i client private_key_jwt.`,
        en: `Client "${id}" authenticates with a client secret; keys are for private_key_jwt clients.`,
      });
    this.refuseRevoked(client);
    const { kid, jwk: stored } = await readClientJwk(jwk, '/jwk');
    if (await em.findOne(ClientKey, { clientId: id, kid }))
      throw new ConflictError('key-exists', {
        it: `Il client "${id}" ha già una chiave "${kid}".`,
        en: `Client "${id}" already has a key "${kid}".`,
      });
    const key = em.create(ClientKey, { clientId: id, kid, jwk: stored, createdAt: new Date() });
    await em.flush();
    return clientKeyView(key);
  }

  /** The key goes, and with it every token the client got before: one of them may have come from that key. */
  async removeKey(id: string, kid: string): Promise<void> {
    await this.find(this.db.em, id);
    await this.revocations.change(async (tx) => {
      const key = await tx.findOne(ClientKey, { clientId: id, kid });
      if (!key) {
        const kids = (await this.keysOf(id)).map((k) => `"${k.kid}"`);
        throw new NotFoundError('key-not-found', {
          it: `Il client "${id}" non ha la chiave "${kid}"; ${kids.length > 0 ? `le sue chiavi sono ${kids.join(', ')}` : 'non ha chiavi'}.`,
          en: `Client "${id}" has no key "${kid}"; its keys are ${kids.length > 0 ? kids.join(', ') : 'none'}.`,
        });
      }
      tx.remove(key);
      return { result: undefined, revocations: [revocation('client-key', `${id}/${kid}`, id, true, new Date())] };
    });
  }

  /** No more tokens for this client, and the themes refuse those it holds; a second revocation changes nothing. */
  async revoke(id: string): Promise<ClientView> {
    const client = await this.revocations.change(async (tx) => {
      const client = await this.find(tx, id, LockMode.PESSIMISTIC_WRITE);
      if (client.revokedAt) return { result: client, revocations: [] };
      client.revokedAt = new Date();
      client.updatedAt = client.revokedAt;
      return { result: client, revocations: [revocation('client', id, id, true, client.revokedAt)] };
    });
    return clientView(client, await this.keysOf(id));
  }

  private async find(em: EntityManager, id: string, lockMode?: LockMode): Promise<ApiClient> {
    const client = await em.findOne(ApiClient, { id }, lockMode ? { lockMode } : {});
    if (!client)
      throw new NotFoundError('client-not-found', {
        it: `Nessun client ha l'id "${id}".`,
        en: `No client has the id "${id}".`,
      });
    return client;
  }

  private keysOf(id: string): Promise<ClientKey[]> {
    return this.db.em.find(ClientKey, { clientId: id }, { orderBy: { createdAt: 'asc' } });
  }

  private refuseRevoked(client: ApiClient): void {
    if (client.revokedAt)
      throw new ConflictError('client-revoked', {
        it: `Il client "${client.id}" è stato revocato il ${client.revokedAt.toISOString()}.`,
        en: `Client "${client.id}" was revoked at ${client.revokedAt.toISOString()}.`,
      });
  }
}
