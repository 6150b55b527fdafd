import { generateKeyPairSync } from 'node:crypto';
import { revocationsTopic } from '@interscambio/access';
import type { Jwk, RevocationState } from '@interscambio/access';
import { startRegistryTestApp, TopicEvents } from '../../../test';
import type { RegistryTestApp } from '../../../test';

describe('revocations on the registry’s compacted revocations topic', () => {
  let t: RegistryTestApp;
  let events: TopicEvents<RevocationState>;
  let admin: string;

  beforeAll(async () => {
    t = await startRegistryTestApp('reg_revocations');
    admin = await t.adminToken();
    events = await TopicEvents.start(revocationsTopic(t.topicPrefix));
  });

  afterAll(async () => {
    await events?.close();
    await t?.close();
  });

  it('is created compacted, so a theme deployed later still learns every revocation', async () => {
    expect(await events.topicConfig()).toMatchObject({ 'cleanup.policy': 'compact' });
  });

  it('publishes a client’s revocation once, keyed by the client, however often it is revoked', async () => {
    const client = await t.createClient({ ente: '082053', scopes: ['records:read'] });
    for (let i = 0; i < 2; i++)
      expect((await t.http.post(`/clients/${client.clientId}/revoke`, { token: admin })).status).toBe(200);
    const [event] = await events.of(`client:${client.clientId}`, 1);
    expect(event?.type).toBe('it.interscambio.registry.client.revoked');
    expect(event?.data).toMatchObject({
      kind: 'client',
      subject: client.clientId,
      clientId: client.clientId,
      revoked: true,
    });
    const { rows } = await t.sql.query('select count(*)::int as n from outbox where key = $1', [
      `client:${client.clientId}`,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('publishes an ente disabled, then enabled again, with rising versions', async () => {
    expect((await t.http.patch('/enti/082006', { token: admin, body: { enabled: false } })).status).toBe(200);
    expect((await t.http.patch('/enti/082006', { token: admin, body: { codiceIpa: 'c_g273' } })).status).toBe(200);
    expect((await t.http.patch('/enti/082006', { token: admin, body: { enabled: true } })).status).toBe(200);
    const [off, on] = await events.of('ente:082006', 2);
    expect([off?.data?.revoked, on?.data?.revoked]).toEqual([true, false]);
    expect((on?.data?.version ?? 0) > (off?.data?.version ?? 0)).toBe(true);
    expect(events.all.filter((e) => e.subject === 'ente:082006')).toHaveLength(2);
  });

  it('publishes a key removed from its client, naming the client whose older tokens go with it', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = { ...(pair.publicKey.export({ format: 'jwk' }) as Jwk), kid: 'chiave-1' };
    const created = await t.http.post<{ clientId: string }>('/clients', {
      token: admin,
      body: {
        ente: '082053',
        name: 'con chiave',
        scopes: ['records:read'],
        authentication: 'private_key_jwt',
        publicKey: jwk,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.clientId;
    expect((await t.http.delete(`/clients/${id}/keys/chiave-1`, { token: admin })).status).toBe(204);
    const [event] = await events.of(`client-key:${id}/chiave-1`, 1);
    expect(event?.data).toMatchObject({ kind: 'client-key', clientId: id, revoked: true });
  });
});
