import { forSuite } from '@interscambio/testing';
import { basicAuthorization, startRegistryTestApp } from '../../../test';

// PostgreSQL text cannot hold a NUL; the driver's refusal of one read as a lost connection (503).
describe('text the database cannot keep is refused before it reaches it', () => {
  const r = forSuite(() => startRegistryTestApp('reg_stored_text'));
  let admin: Record<string, string>;

  beforeAll(async () => {
    admin = { authorization: `Bearer ${await r.token(r.admin.clientId, r.admin.clientSecret, 'registry')}` };
  });

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers = admin) =>
    r.app.inject({
      method,
      url: `/registry/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('refuses a NUL or a lone surrogate in a body with 422 at its pointer, storing nothing', async () => {
    const before = await r.sql.query('select count(*)::int as n from api_client');
    for (const name of ['a\u0000b', 'a\ud800b']) {
      const res = await send('POST', '/clients', {
        ente: '082053',
        name,
        scopes: ['records:read'],
        authentication: 'client_secret',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/name', keyword: 'text' }] });
    }
    expect((await r.sql.query('select count(*)::int as n from api_client')).rows).toEqual(before.rows);
  });

  it('refuses a NUL in a path or a query with 400', async () => {
    for (const url of ['/clients/%00', '/clients?ente=%00', '/enti/0820%0053']) {
      const res = await send('GET', url);
      expect([res.statusCode, res.json()]).toEqual([400, expect.objectContaining({ code: 'invalid-url' })]);
    }
  });

  it('answers a token request whose client id holds a NUL as one from an unknown client', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const inForm = await send(
      'POST',
      '/oauth/token',
      'grant_type=client_credentials&audience=tributi&client_id=a%00&client_secret=x',
      form,
    );
    const basic = { ...form, authorization: basicAuthorization('a\u0000', 'x') };
    const inBasic = await send('POST', '/oauth/token', 'grant_type=client_credentials&audience=tributi', basic);
    for (const res of [inForm, inBasic]) expect([res.statusCode, res.json()['code']]).toEqual([401, 'unknown-client']);
  });
});
