import type { ApiClient, ClientAuthentication } from './api-client.entity';
import type { ClientKey } from './client-key.entity';

export interface ClientKeyView {
  kid: string;
  kty: string;
  alg: string | null;
  createdAt: string;
}

/** Everything about a client but its secrets: neither a secret nor a hash ever leaves the registry. */
export interface ClientView {
  clientId: string;
  ente: string;
  name: string;
  scopes: string[];
  authentication: ClientAuthentication;
  rateLimit: number | null;
  keys: ClientKeyView[];
  secretSetAt: string | null;
  previousSecretValidUntil: string | null;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function clientKeyView(key: ClientKey): ClientKeyView {
  return { kid: key.kid, kty: key.jwk.kty, alg: key.jwk.alg ?? null, createdAt: key.createdAt.toISOString() };
}

export function clientView(client: ApiClient, keys: readonly ClientKey[], now = new Date()): ClientView {
  const previous = client.previousSecretExpiresAt;
  return {
    clientId: client.id,
    ente: client.ente,
    name: client.name,
    scopes: [...client.scopes],
    authentication: client.authentication,
    rateLimit: client.rateLimit,
    keys: keys.map(clientKeyView),
    secretSetAt: iso(client.secretSetAt),
    previousSecretValidUntil: previous && previous > now ? previous.toISOString() : null,
    revokedAt: iso(client.revokedAt),
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}
