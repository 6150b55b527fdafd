import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusal, signJwt } from '../../../test/token-forge';
import { publicJwk } from './jwk';
import { JwksClient } from './key-source';
import { generateSigningKey, type SigningKey } from './signing-key';
import { TokenVerifier } from './token.verifier';

interface FakeRegistry {
  url: string;
  requests: number;
  entries: unknown[];
  answer: { status: number; type: string; body?: string; hang?: boolean };
  stop(): Promise<void>;
}

const running: Server[] = [];

async function fakeRegistry(keys: SigningKey[]): Promise<FakeRegistry> {
  const registry = {
    requests: 0,
    entries: keys.map((k) => publicJwk(k.publicKey, { kid: k.kid, alg: k.alg })) as unknown[],
    answer: { status: 200, type: 'application/json' } as FakeRegistry['answer'],
  };
  const server = createServer((_, response) => {
    registry.requests += 1;
    if (registry.answer.hang) return;
    response.writeHead(registry.answer.status, { 'content-type': registry.answer.type });
    response.end(registry.answer.body ?? JSON.stringify({ keys: registry.entries }));
  });
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return Object.assign(registry, { url, stop });
}

afterAll(async () => {
  await Promise.all(running.filter((s) => s.listening).map((s) => new Promise((resolve) => s.close(resolve))));
  for (const server of running) server.closeAllConnections();
});

const claims = () => {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'urn:interscambio:registry',
    sub: 'c1',
    client_id: 'c1',
    aud: 'tributi',
    ente: '082053',
    scope: 'records:read',
    iat: now,
    exp: now + 300,
    jti: randomUUID(),
  };
};

describe('JwksClient', () => {
  let a: SigningKey;
  let b: SigningKey;
  beforeAll(async () => {
    [a, b] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('EdDSA')]);
  });

  it('fetches the JWKS once for many verifications', async () => {
    const registry = await fakeRegistry([a]);
    const verifier = new TokenVerifier({
      keys: new JwksClient({ url: registry.url }),
      issuer: 'urn:interscambio:registry',
      audience: 'tributi',
    });
    for (let i = 0; i < 10; i += 1) await verifier.verify(signJwt(a, claims(), 'at+jwt'));
    expect(registry.requests).toBe(1);
  });

  it('fetches nothing until a key is asked for', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url });
    await new Promise((resolve) => setImmediate(resolve));
    expect(registry.requests).toBe(0);
    await client.key(a.kid);
    expect(registry.requests).toBe(1);
  });

  it('refetches when a token names a kid it has not seen: the issuer rotated its key', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 0 });
    expect(await client.key(a.kid)).toBeDefined();
    registry.entries.push(publicJwk(b.publicKey, { kid: b.kid, alg: 'EdDSA' }));
    const rotated = await client.key(b.kid);
    expect(rotated?.asymmetricKeyType).toBe('ed25519');
    expect(registry.requests).toBe(2);
  });

  it('forgets a key the issuer stopped publishing', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 0 });
    await client.key(a.kid);
    registry.entries = [publicJwk(b.publicKey, { kid: b.kid, alg: 'EdDSA' })];
    await client.key(b.kid);
    expect(await client.key(a.kid)).toBeUndefined();
  });

  it('refreshes a cache older than maxAgeMs in the background, dropping revoked keys', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 0, maxAgeMs: 0 });
    await client.key(a.kid);
    registry.entries = [publicJwk(b.publicKey, { kid: b.kid, alg: 'EdDSA' })];
    let key = await client.key(a.kid);
    expect(key).toBeDefined();
    for (let tries = 0; key && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      key = await client.key(a.kid);
    }
    expect(key).toBeUndefined();
  });

  it('shares one fetch among 20 concurrent lookups of unknown kids', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 0 });
    await client.key(a.kid);
    const found = await Promise.all(Array.from({ length: 20 }, () => client.key(randomUUID())));
    expect(found).toEqual(Array.from({ length: 20 }, () => undefined));
    expect(registry.requests).toBe(2);
  });

  it('refetches for unknown kids at most once per minRefreshIntervalMs', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 60_000 });
    await client.key(a.kid);
    for (let i = 0; i < 5; i += 1) expect(await client.key(randomUUID())).toBeUndefined();
    expect(registry.requests).toBe(1);
  });

  it('keeps verifying with cached keys when the registry goes down', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 0, maxAgeMs: 0 });
    const verifier = new TokenVerifier({ keys: client, issuer: 'urn:interscambio:registry', audience: 'tributi' });
    await verifier.verify(signJwt(a, claims(), 'at+jwt'));
    await registry.stop();
    await expect(verifier.verify(signJwt(a, claims(), 'at+jwt'))).resolves.toMatchObject({ clientId: 'c1' });
    await expect(verifier.verify(signJwt(a, claims(), 'at+jwt'))).resolves.toMatchObject({ clientId: 'c1' });
  });

  it('says it cannot know an unseen kid while the registry is down, rather than calling it unknown', async () => {
    const registry = await fakeRegistry([a]);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 0 });
    await client.key(a.kid);
    await registry.stop();
    const error = await refusal(() => client.key('new-kid'));
    expect(error.reason).toBe('keys-unavailable');
    expect(error.message).toMatch(/^No key "new-kid" is cached and the registry's JWKS at http:\S+ did not answer: /);
  });

  it.each([
    ['an HTTP error', { status: 503, type: 'application/json', body: '{}' }, 'HTTP 503'],
    [
      'an HTML page',
      { status: 200, type: 'text/html', body: '<html></html>' },
      'the answer is of type text/html, not JSON',
    ],
    ['broken JSON', { status: 200, type: 'application/json', body: '{"keys": [' }, 'the answer is not JSON'],
    [
      'JSON without keys',
      { status: 200, type: 'application/json', body: '{"jwks": []}' },
      'the answer has no "keys" array',
    ],
    ['no answer in time', { status: 200, type: 'application/json', hang: true }, 'no answer within 200 ms'],
  ])('throws keys-unavailable naming the cause on %s', async (_, answer, cause) => {
    const registry = await fakeRegistry([a]);
    registry.answer = answer;
    const error = await refusal(() => new JwksClient({ url: registry.url, timeoutMs: 200 }).key(a.kid));
    expect(error.reason).toBe('keys-unavailable');
    expect(error.message).toBe(`The registry's JWKS at ${registry.url} did not answer: ${cause}.`);
    await registry.stop();
  });

  it('keeps credentials in the JWKS URL out of its messages', async () => {
    const registry = await fakeRegistry([a]);
    const url = registry.url.replace('http://', 'http://reader:s3cret@');
    const error = await refusal(() => new JwksClient({ url }).key(a.kid));
    expect(error.reason).toBe('keys-unavailable');
    expect(error.message).toContain(registry.url);
    expect(error.message).not.toContain('s3cret');
  });

  it('skips JWKS entries it cannot use and keeps the others', async () => {
    const registry = await fakeRegistry([a]);
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    registry.entries.unshift({ kty: 'oct', k: 'c2VjcmV0', kid: 'secret' }, { ...weak, kid: 'weak' }, 'not a key', null);
    const client = new JwksClient({ url: registry.url, minRefreshIntervalMs: 60_000 });
    expect(await client.key(a.kid)).toBeDefined();
    expect(await client.key('secret')).toBeUndefined();
    expect(await client.key('weak')).toBeUndefined();
  });
});
