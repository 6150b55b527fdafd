import { randomBytes } from 'node:crypto';
import { decodeJwt, JwksClient, TokenVerifier } from '@interscambio/access';
import type { Jwk } from '@interscambio/access';
import { startRegistryTestApp } from '../../../test';
import { forSuite, testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { loadRegistryConfig } from '../config/registry.config';
import { RedactedSecret } from '../config/redacted-secret';
import { createRegistryApp } from '../registry.app';
import { migrateRegistry } from '../storage/registry.migrate';
import { RegistryDatabase } from '../storage/registry.database';
import { KeyCipher } from './key-cipher';
import { KeyRing } from './key-ring';
import type { SigningKeyView } from './keys.controller';
import { SigningKeyStore } from './signing-key.store';

describe('signing keys, the JWKS and rotation', () => {
  const t = forSuite(() => startRegistryTestApp('reg_keys'));

  it('publishes the active key without a token, cacheable for a minute, never its private part', async () => {
    const res = await t.http.get<{ keys: Jwk[] }>('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/jwk-set+json');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.body.keys).toEqual([
      expect.objectContaining({
        kty: 'EC',
        crv: 'P-256',
        alg: 'ES256',
        use: 'sig',
        kid: decodeJwt(t.adminBearer).header.kid,
      }),
    ]);
    expect(res.body.keys[0]).not.toHaveProperty('d');
  });

  it('stores the private key only as AES-256-GCM ciphertext', async () => {
    const { rows } = await t.sql.query<{ private_key: string; public_jwk: Jwk }>(
      'select private_key, public_jwk from signing_key',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.private_key).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(rows[0]?.public_jwk).not.toHaveProperty('d');
  });

  it('lists the keys to admins only, never with private parts', async () => {
    expect((await t.http.get('/keys')).status).toBe(401);
    const reader = await t.createClient({ ente: '082053', scopes: ['records:read'] });
    const readerToken = await t.token(reader.clientId, reader.clientSecret, 'registry');
    const refused = await t.http.get('/keys', { token: readerToken });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'insufficient-scope',
      detail: 'This needs scope admin; the token has records:read.',
    });
    const listed = await t.http.get<{ items: SigningKeyView[] }>('/keys', { token: t.adminBearer });
    expect(listed.body.items).toEqual([expect.objectContaining({ status: 'active', published: true })]);
    expect(JSON.stringify(listed.body)).not.toMatch(/privateKey|"d"/);
  });

  it('rotates: new tokens carry the new kid, the JWKS holds both, and tokens signed before still verify', async () => {
    const verifier = new TokenVerifier({
      keys: new JwksClient({ url: t.jwksUrl, minRefreshIntervalMs: 0 }),
      issuer: t.issuer,
      audience: 'tributi',
    });
    const before = await t.token(t.admin.clientId, t.admin.clientSecret, 'tributi');
    await verifier.verify(before);
    const rotated = await t.http.post<{ active: SigningKeyView; retired: SigningKeyView | null }>('/keys/rotate', {
      token: t.adminBearer,
    });
    expect(rotated.status).toBe(201);
    const oldKid = decodeJwt(before).header.kid;
    expect(rotated.body.retired).toMatchObject({ kid: oldKid, status: 'retired', published: true });
    expect(rotated.body.active.kid).not.toBe(oldKid);

    const after = await t.token(t.admin.clientId, t.admin.clientSecret, 'tributi');
    expect(decodeJwt(after).header.kid).toBe(rotated.body.active.kid);
    const jwks = await t.http.get<{ keys: Jwk[] }>('/.well-known/jwks.json');
    expect(jwks.body.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.body.active.kid].sort());
    // The verifier cached the JWKS with the old key only: the new kid makes it fetch again.
    await expect(verifier.verify(after)).resolves.toMatchObject({ clientId: t.admin.clientId });
    await expect(verifier.verify(before)).resolves.toMatchObject({ clientId: t.admin.clientId });
    // The registry's own API accepts its tokens of either key.
    expect((await t.http.get('/keys', { token: t.adminBearer })).status).toBe(200);
  });

  it('stops publishing a retired key once every token it signed has expired (2 × token lifetime)', async () => {
    const { rows } = await t.sql.query<{ kid: string }>(
      `update signing_key set retired_at = now() - interval '21 minutes' where status = 'retired' returning kid`,
    );
    const jwks = await t.http.get<{ keys: Jwk[] }>('/.well-known/jwks.json');
    expect(jwks.body.keys.map((k) => k.kid)).not.toContain(rows[0]?.kid);
    expect(jwks.body.keys).toHaveLength(1);
    const listed = await t.http.get<{ items: SigningKeyView[] }>('/keys', { token: t.adminBearer });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ kid: rows[0]?.kid, status: 'retired', published: false }),
    );
  });
});

describe('signing keys across replicas and boots', () => {
  let db: TestDatabase;
  const secret = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    db = await testDatabase('reg_firstkey');
    await migrateRegistry({ databaseUrl: db.url, databaseSchema: db.schema, databasePoolSize: 1 });
  });

  afterAll(() => db.drop());

  it('is created once, however many replicas boot at the same time', async () => {
    const config = { databaseUrl: db.url, databaseSchema: db.schema, databasePoolSize: 2 };
    const replicas = await Promise.all([0, 1, 2].map(() => RegistryDatabase.open(config)));
    try {
      const cipher = await KeyCipher.derive(new RedactedSecret(secret));
      const keys = await Promise.all(replicas.map((replica) => new SigningKeyStore(replica, cipher).ensureActive()));
      expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
      const rows = await replicas[0]?.fork().execute(`select status from "${db.schema}".signing_key`);
      expect(rows).toEqual([{ status: 'active' }]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });

  it('is found by another replica as soon as a token names it, after a rotation there', async () => {
    const config = { databaseUrl: db.url, databaseSchema: db.schema, databasePoolSize: 2 };
    const [here, there] = await Promise.all([RegistryDatabase.open(config), RegistryDatabase.open(config)]);
    try {
      const cipher = await KeyCipher.derive(new RedactedSecret(secret));
      let clock = Date.now();
      const ring = new KeyRing(new SigningKeyStore(here, cipher), 600, () => clock);
      await ring.ensureActive();
      const current = (await ring.signer()).kid;
      expect(await ring.key(current)).toBeDefined();
      const { active } = await new KeyRing(new SigningKeyStore(there, cipher), 600).rotate();
      clock += 1001;
      expect(await ring.key(active.kid)).toBeDefined();
      expect(await ring.key(current)).toBeDefined();
      expect(await ring.key('made-up-kid')).toBeUndefined();
    } finally {
      await Promise.all([here.close(), there.close()]);
    }
  });

  it('stops the boot when REGISTRY_KEY_SECRET is not the one the key was stored with', async () => {
    const config = loadRegistryConfig({
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: '127.0.0.1:1',
      REGISTRY_KEY_SECRET: 'another-secret-another-secret-another-secret',
    });
    await expect(createRegistryApp(config, { levels: ['error'] })).rejects.toThrow(
      /REGISTRY_KEY_SECRET does not decrypt the stored signing key ".+"/,
    );
  });

  it('stops the boot of a schema that is not migrated, saying which command to run', async () => {
    const empty = await testDatabase('reg_unmigrated');
    try {
      const config = loadRegistryConfig({
        DATABASE_URL: empty.url,
        DATABASE_SCHEMA: empty.schema,
        KAFKA_BROKERS: '127.0.0.1:1',
        REGISTRY_KEY_SECRET: secret,
      });
      await expect(createRegistryApp(config, { levels: ['error'] })).rejects.toThrow(
        /pending migration\(s\) .*run `node main.js migrate` first/,
      );
    } finally {
      await empty.drop();
    }
  });
});
