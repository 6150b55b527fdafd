import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../../test';
import { migrateRegistry } from '../storage/registry.migrate';
import type { EnteView } from './ente.view';

describe('enti', () => {
  const t = forSuite(() => startRegistryTestApp('reg_enti'));
  let readerToken: string;

  beforeAll(async () => {
    const reader = await t.createClient({ ente: '083048', scopes: ['subscriptions'] });
    readerToken = await t.token(reader.clientId, reader.clientSecret, 'registry');
  });

  it('are seeded with the 82 comuni of Palermo, the 108 of Messina and the two città metropolitane', async () => {
    const all = await t.http.get<{ items: EnteView[] }>('/enti', { token: readerToken });
    expect(all.status).toBe(200);
    const count = (predicate: (e: EnteView) => boolean): number => all.body.items.filter(predicate).length;
    expect(count((e) => e.kind === 'comune' && e.provincia === '082')).toBe(82);
    expect(count((e) => e.kind === 'comune' && e.provincia === '083')).toBe(108);
    expect(all.body.items.filter((e) => e.kind === 'citta-metropolitana').map((e) => e.codiceIstat)).toEqual([
      '082000',
      '083000',
    ]);
    expect(all.body.items).toHaveLength(192);
  });

  it('are read one by one and filtered by provincia and state, with any valid token', async () => {
    const palermo = await t.http.get<EnteView>('/enti/082053', { token: readerToken });
    expect(palermo.body).toMatchObject({
      codiceIstat: '082053',
      nome: 'Palermo',
      kind: 'comune',
      provincia: '082',
      codiceIpa: null,
      enabled: true,
    });
    const messina = await t.http.get<{ items: EnteView[] }>('/enti?provincia=083&enabled=true', { token: readerToken });
    expect(messina.body.items).toHaveLength(109);
    expect((await t.http.get('/enti/099999', { token: readerToken })).body).toMatchObject({
      code: 'ente-not-found',
      detail: 'No ente has the ISTAT code "099999".',
    });
    expect((await t.http.get('/enti?provincia=PA', { token: readerToken })).body).toMatchObject({
      code: 'invalid-query',
    });
    expect((await t.http.get('/enti')).status).toBe(401);
  });

  it('are enabled, disabled and given their codice IPA by an admin only', async () => {
    const refused = await t.http.patch('/enti/082049', { token: readerToken, body: { enabled: false } });
    expect(refused.status).toBe(403);
    const patched = await t.http.patch<EnteView>('/enti/082049', {
      token: t.adminBearer,
      body: { enabled: false, codiceIpa: 'c_g348' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ enabled: false, codiceIpa: 'c_g348' });
    const disabled = await t.http.get<{ items: EnteView[] }>('/enti?enabled=false', { token: readerToken });
    expect(disabled.body.items.map((e) => e.codiceIstat)).toEqual(['082049']);
    const invalid = await t.http.patch('/enti/082049', {
      token: t.adminBearer,
      body: { enabled: 'no', colour: 'red' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      code: 'validation-failed',
      errors: expect.arrayContaining([
        expect.objectContaining({ pointer: '/enabled', keyword: 'type' }),
        expect.objectContaining({ pointer: '/colour', keyword: 'additionalProperties' }),
      ]),
    });
  });

  it('keep what operators set when migrate seeds them again', async () => {
    await t.http.patch('/enti/082001', { token: t.adminBearer, body: { codiceIpa: 'c_a195' } });
    const { rows } = await t.sql.query<{ schema: string }>('select current_schema() as schema');
    const again = await migrateRegistry({
      databaseUrl: process.env['INTERSCAMBIO_TEST_DATABASE_URL'] as string,
      databaseSchema: rows[0]?.schema as string,
      databasePoolSize: 1,
    });
    expect(again).toEqual({ applied: [], enti: { total: 192, added: 0 } });
    expect((await t.http.get<EnteView>('/enti/082001', { token: readerToken })).body.codiceIpa).toBe('c_a195');
  });
});
