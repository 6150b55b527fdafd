import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Jwk } from '@interscambio/access';
import type { ApiOperation, OperationValues } from '@interscambio/http/testing';
import fc from 'fast-check';
import { basicAuthorization } from './registry-http';
import type { RegistryTestApp, TestClient } from './registry-test-app';

/** The clients whose tokens hostile requests carry, and the victims whose records they aim at. */
export interface RegistryParties {
  operator: TestClient;
  publisher: TestClient;
  consumer: TestClient;
  subscriber: TestClient;
  /** Clients and agreements a request may change or revoke without disturbing the parties'. */
  victims: { clients: string[]; kids: string[]; agreements: string[] };
}

/** The token kinds hostile requests carry; the admin's, first, is the one well-formed requests carry. */
export const REGISTRY_CREDENTIALS = [
  'admin',
  'operator',
  'publisher',
  'consumer',
  'subscriber',
  'theme-audience',
  'expired',
  'unknown-client',
  'basic',
  'basic-wrong-secret',
  'none',
] as const;

// Enti that no party acts for: an admin's hostile PATCH may disable them.
const VICTIM_ENTI = ['082001', '082002', '083001'];
const PARTY_ENTI = ['082053', '082006', '082000'];

/** Authorization headers of each kind, minted on first use and for a minute (a token costs a scrypt). */
export function registryAuthorization(
  r: RegistryTestApp,
  parties: RegistryParties,
): (kind: string) => Promise<string | undefined> {
  const cache = new Map<string, { header: string; until: number }>();
  const bearer = async (client: TestClient, audience = 'registry'): Promise<string> =>
    `Bearer ${await r.token(client.clientId, client.clientSecret, audience)}`;
  const signed = async (claims: object): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const base = {
      iss: r.issuer,
      aud: 'registry',
      ente: '082000',
      scope: 'admin',
      iat: now,
      exp: now + 300,
      jti: randomUUID(),
    };
    return `Bearer ${await r.sign({ ...base, sub: r.admin.clientId, client_id: r.admin.clientId, ...claims })}`;
  };
  const kinds: Record<string, () => Promise<string>> = {
    admin: () => bearer(r.admin),
    operator: () => bearer(parties.operator),
    publisher: () => bearer(parties.publisher),
    consumer: () => bearer(parties.consumer),
    subscriber: () => bearer(parties.subscriber),
    'theme-audience': () => bearer(parties.publisher, 'tributi'),
    expired: () => signed({ iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 300 }),
    'unknown-client': () => signed({ sub: 'nessuno', client_id: 'nessuno' }),
    basic: async () => basicAuthorization(parties.publisher.clientId, parties.publisher.clientSecret),
    'basic-wrong-secret': async () => basicAuthorization(parties.publisher.clientId, 'not-the-secret'),
  };
  return async (kind) => {
    if (kind === 'none') return undefined;
    const cached = cache.get(kind);
    if (cached && cached.until > Date.now()) return cached.header;
    const header = await (kinds[kind] ?? kinds['admin'] ?? (async () => ''))();
    cache.set(kind, { header, until: Date.now() + 60_000 });
    return header;
  };
}

const publicKeys: Jwk[] = Array.from(
  { length: 3 },
  () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as Jwk,
);

/** Token requests of a client that authenticates with HTTP Basic, or in the form itself. */
function tokenForms(client: TestClient, audience: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  const form = fc.record({ grant_type: fc.constant('client_credentials'), audience });
  const post = { client_id: client.clientId, client_secret: client.clientSecret };
  return fc.oneof(
    form,
    form.map((f) => ({ ...f, ...post })),
  );
}

/** The tokens an operation takes from a well-behaved client. */
function credentialsFor({ method, path }: ApiOperation): string[] {
  // The token endpoint authenticates with HTTP Basic, or with client_id and client_secret in the form.
  if (path.endsWith('/oauth/token')) return ['basic', 'none'];
  if (path.endsWith('/{action}')) return ['publisher', 'operator', 'consumer'];
  if (path.includes('/agreements')) return ['consumer', 'publisher', 'operator', 'admin'];
  if (path.includes('/clients') || path.includes('/keys') || (path.includes('/enti/') && method !== 'GET'))
    return ['admin'];
  return ['admin', 'publisher', 'consumer'];
}

/** The values that address real things in the registry, per operation, and the tokens each operation takes. */
export function registryValues(
  parties: RegistryParties,
  themes: string[],
  types: string[],
): (operation: ApiOperation) => OperationValues {
  const { victims } = parties;
  const ente = fc.constantFrom(...VICTIM_ENTI, ...PARTY_ENTI);
  const uuid = fc.uuid();
  const audience = fc.constantFrom('registry', 'tributi', 'registry tributi', ...themes);
  return (operation) => {
    const agreements = operation.path.includes('/agreements');
    return {
      credentials: credentialsFor(operation),
      path: {
        code: fc.constantFrom(...VICTIM_ENTI, '000000'),
        id: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(agreements ? victims.agreements : victims.clients)) },
          uuid,
        ),
        kid: fc.constantFrom(...victims.kids, 'nessuna'),
        action: fc.constantFrom('approve', 'reject', 'suspend', 'resume', 'revoke'),
      },
      query: {
        provincia: fc.constantFrom('082', '083'),
        enabled: fc.constantFrom('true', 'false'),
        ente,
        consumer: ente,
        publisher: ente,
        theme: fc.constantFrom(...themes),
        type: fc.constantFrom(...types),
      },
      ...(operation.path.endsWith('/oauth/token') ? { bodies: tokenForms(parties.publisher, audience) } : {}),
      named: {
        ente: fc.constantFrom(...VICTIM_ENTI),
        publisher: fc.constantFrom('082053', '082000', '082006'),
        theme: fc.constantFrom(...themes),
        type: fc.constantFrom(...types),
        purpose: fc.constantFrom('Verifica delle posizioni per il rimborso', 'breve'),
        publicKey: fc.constantFrom(...publicKeys),
        jwk: fc.constantFrom(...publicKeys),
        audience,
        scope: fc.constantFrom('records:read', 'records:write admin', 'operator'),
      },
    };
  };
}
