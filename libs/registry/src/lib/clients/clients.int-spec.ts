import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { Jwk } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../../test';
import type { ClientView } from './client.view';

const ecJwk = (): Jwk => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as Jwk;

describe('API clients, managed by an admin', () => {
  const t = forSuite(() => startRegistryTestApp('reg_clients'));

  it('are created with a secret shown once, then read back without it', async () => {
    const created = await t.http.post<ClientView & { clientSecret: string }>('/clients', {
      token: t.adminBearer,
      body: {
        ente: '082053',
        name: 'Gestionale tributi',
        scopes: ['records:read', 'records:write'],
        authentication: 'client_secret',
        rateLimit: 300,
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/registry/v1/clients/${created.body.clientId}`);
    expect(created.body).toMatchObject({
      ente: '082053',
      scopes: ['records:read', 'records:write'],
      rateLimit: 300,
      keys: [],
    });
    expect(created.body.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const read = await t.http.get<ClientView>(`/clients/${created.body.clientId}`, { token: t.adminBearer });
    expect(read.body).toEqual({ ...created.body, clientSecret: undefined });
    const listed = await t.http.get<{ items: ClientView[] }>('/clients?ente=082053', { token: t.adminBearer });
    expect(listed.body.items.map((c) => c.clientId)).toEqual([created.body.clientId]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.clientSecret);
  });

  it('are refused with a 422 pointing at each field that is wrong', async () => {
    const res = await t.http.post('/clients', {
      token: t.adminBearer,
      body: { ente: '82053', scopes: ['records:read', 'superuser'], authentication: 'private_key_jwt' },
    });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/ente', keyword: 'pattern' }),
        expect.objectContaining({ pointer: '/name', keyword: 'required' }),
        expect.objectContaining({ pointer: '/scopes/1', keyword: 'enum' }),
        expect.objectContaining({ pointer: '/publicKey', keyword: 'required' }),
      ]),
    );
  });

  it('refuse a private key, an unknown ente, and a public key on a client_secret client', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const leaked = await t.http.post('/clients', {
      token: t.adminBearer,
      body: {
        ente: '082053',
        name: 'x',
        scopes: ['records:read'],
        authentication: 'private_key_jwt',
        publicKey: pair.privateKey.export({ format: 'jwk' }),
      },
    });
    expect(leaked.status).toBe(422);
    expect(leaked.body).toMatchObject({
      code: 'invalid-public-key',
      errors: [expect.objectContaining({ pointer: '/publicKey' })],
      detail: expect.stringContaining('carries the private member "d"'),
    });
    const unknown = await t.http.post('/clients', {
      token: t.adminBearer,
      body: { ente: '099999', name: 'x', scopes: ['records:read'], authentication: 'client_secret' },
    });
    expect(unknown.body).toMatchObject({
      status: 422,
      code: 'unknown-ente',
      errors: [expect.objectContaining({ pointer: '/ente' })],
    });
    const mixed = await t.http.post('/clients', {
      token: t.adminBearer,
      body: {
        ente: '082053',
        name: 'x',
        scopes: ['records:read'],
        authentication: 'client_secret',
        publicKey: ecJwk(),
      },
    });
    expect(mixed.body).toMatchObject({ status: 422, code: 'public-key-not-allowed' });
  });

  it('are managed only with scope admin, and only through JSON bodies', async () => {
    const reader = await t.createClient({ ente: '082053', scopes: ['records:read', 'operator'] });
    const token = await t.token(reader.clientId, reader.clientSecret, 'registry');
    expect((await t.http.get('/clients', { token })).body).toMatchObject({ status: 403, code: 'insufficient-scope' });
    // Refused for its scope before its body is read: broken JSON tells a non-admin nothing either.
    const broken = await fetch(`${t.url}/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"ente": "082053", broken',
    });
    expect(broken.status).toBe(403);
    expect(await broken.json()).toMatchObject({ code: 'insufficient-scope' });
    const form = await fetch(`${t.url}/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminBearer}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ente=082053&name=x',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ detail: expect.stringContaining('takes application/json') });
  });

  it('change name, scopes and rate limit; tokens follow the new scopes', async () => {
    const client = await t.createClient({ ente: '082006', scopes: ['records:read'] });
    const patched = await t.http.patch<ClientView>(`/clients/${client.clientId}`, {
      token: t.adminBearer,
      body: { name: 'Renamed', scopes: ['records:read', 'subscriptions'], rateLimit: null },
    });
    expect(patched.body).toMatchObject({ name: 'Renamed', scopes: ['records:read', 'subscriptions'], rateLimit: null });
    const token = await t.token(client.clientId, client.clientSecret, 'cultura');
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { scope: string };
    expect(claims.scope).toBe('records:read subscriptions');
    expect((await t.http.patch(`/clients/${client.clientId}`, { token: t.adminBearer, body: {} })).status).toBe(422);
    expect((await t.http.patch('/clients/nobody', { token: t.adminBearer, body: { name: 'x' } })).body).toMatchObject({
      status: 404,
      code: 'client-not-found',
    });
  });

  it('register keys (kid = thumbprint when none), refuse duplicates, and remove them', async () => {
    const first = ecJwk();
    const created = await t.http.post<ClientView>('/clients', {
      token: t.adminBearer,
      body: {
        ente: '082053',
        name: 'jwt',
        scopes: ['records:read'],
        authentication: 'private_key_jwt',
        publicKey: first,
      },
    });
    const id = created.body.clientId;
    const thumbprint = await calculateJwkThumbprint(first);
    expect(created.body.keys).toEqual([expect.objectContaining({ kid: thumbprint, kty: 'EC' })]);
    const second = await t.http.post<{ kid: string }>(`/clients/${id}/keys`, {
      token: t.adminBearer,
      body: { jwk: { ...ecJwk(), kid: 'k2' } },
    });
    expect(second.body.kid).toBe('k2');
    const again = await t.http.post(`/clients/${id}/keys`, { token: t.adminBearer, body: { jwk: first } });
    expect(again.body).toMatchObject({ status: 409, code: 'key-exists' });
    expect((await t.http.delete(`/clients/${id}/keys/k2`, { token: t.adminBearer })).status).toBe(204);
    expect((await t.http.delete(`/clients/${id}/keys/k2`, { token: t.adminBearer })).body).toMatchObject({
      status: 404,
      code: 'key-not-found',
      detail: `Client "${id}" has no key "k2"; its keys are "${thumbprint}".`,
    });
    expect((await t.http.post(`/clients/${id}/secret`, { token: t.adminBearer })).body).toMatchObject({
      status: 409,
      code: 'client-has-no-secret',
    });
    const secretClient = await t.createClient({ ente: '082053', scopes: ['records:read'] });
    expect(
      (await t.http.post(`/clients/${secretClient.clientId}/keys`, { token: t.adminBearer, body: { jwk: ecJwk() } }))
        .body,
    ).toMatchObject({
      status: 409,
      code: 'client-uses-client-secret',
    });
  });

  it('are revoked once, and the registry refuses their tokens at once', async () => {
    const operator = await t.createClient({ ente: '082000', scopes: ['operator', 'records:read'] });
    const token = await t.token(operator.clientId, operator.clientSecret, 'registry');
    expect((await t.http.get('/agreements', { token })).status).toBe(200);
    const first = await t.http.post<ClientView>(`/clients/${operator.clientId}/revoke`, { token: t.adminBearer });
    const second = await t.http.post<ClientView>(`/clients/${operator.clientId}/revoke`, { token: t.adminBearer });
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
    const refused = await t.http.get('/agreements', { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'token-client-revoked',
      detail: expect.stringContaining(`was revoked at ${first.body.revokedAt}`),
    });
    expect((await t.http.post(`/clients/${operator.clientId}/secret`, { token: t.adminBearer })).body).toMatchObject({
      status: 409,
      code: 'client-revoked',
    });
  });
});
