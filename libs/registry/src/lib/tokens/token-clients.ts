import { Injectable } from '@nestjs/common';
import { ApiClient } from '../clients/api-client.entity';
import { ClientKey } from '../clients/client-key.entity';
import { Ente } from '../enti/ente.entity';
import { RegistryDatabase } from '../storage/registry.database';
import { TokenRequestError } from './token.errors';

/** What the token endpoint needs to know about a client: itself, its keys and its ente. */
export interface TokenClient {
  client: ApiClient;
  keys: ClientKey[];
  ente: Ente | null;
}

const VIA = { 'client id': "l'id del client", "assertion's iss": "l'iss dell'asserzione" } as const;

@Injectable()
export class TokenClients {
  constructor(private readonly db: RegistryDatabase) {}

  async load(id: string, via: 'client id' | "assertion's iss" = 'client id'): Promise<TokenClient> {
    const em = this.db.em;
    const client = storable(id) ? await em.findOne(ApiClient, { id }) : null;
    if (!client)
      throw new TokenRequestError('unknown-client', {
        it: `Nessun client ha l'id "${id.slice(0, 80)}" (${VIA[via]}); gli id dei client sono rilasciati dall'amministratore del registro.`,
        en: `No client has the id "${id.slice(0, 80)}" (the ${via}); client ids are issued by the registry's admin.`,
      });
    const [keys, ente] = await Promise.all([
      client.authentication === 'private_key_jwt' ? em.find(ClientKey, { clientId: id }) : Promise.resolve([]),
      em.findOne(Ente, { codiceIstat: client.ente }),
    ]);
    return { client, keys, ente };
  }

  async exists(id: string): Promise<boolean> {
    return storable(id) && (await this.db.em.count(ApiClient, { id })) > 0;
  }
}

/** PostgreSQL text holds no NUL: an id with one names no client, and querying it failed as a lost connection (503). */
function storable(id: string): boolean {
  return !id.includes('\0');
}
