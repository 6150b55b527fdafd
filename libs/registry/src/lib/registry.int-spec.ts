import { Writable } from 'node:stream';
import type { OpenApiDocument } from '@interscambio/http/testing';
import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../test';
import { adminClientCommand } from './commands/admin-client.command';
import { UsageError } from '@interscambio/observability';

describe('the registry service', () => {
  const t = forSuite(() => startRegistryTestApp('reg_service'));

  it('reports 200 on /status, without a token, when PostgreSQL and Kafka answer', async () => {
    const res = await t.http.get('/status');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', checks: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
  });

  it('publishes OpenAPI 3.1 whose request bodies are the validator’s JSON Schemas, with OAuth2 client credentials', async () => {
    const doc = (await t.http.get<OpenApiDocument>('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes?.['oauth2']).toMatchObject({
      type: 'oauth2',
      flows: {
        clientCredentials: {
          tokenUrl: 'https://interscambio.cittametropolitana.pa.it/registry/v1/oauth/token',
          scopes: expect.objectContaining({ admin: expect.any(String) }),
        },
      },
    });
    expect(doc.security).toEqual([{ oauth2: [] }]);
    expect(doc.paths['/clients']?.['post']?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ClientCreate',
    });
    expect(doc.components.schemas['ClientCreate']).toMatchObject({
      required: ['ente', 'name', 'scopes', 'authentication'],
    });
    expect(doc.components.schemas['AgreementRequest']).toMatchObject({ required: ['publisher', 'theme', 'type'] });
    const token = doc.paths['/oauth/token']?.['post'];
    expect(token?.security).toEqual([]);
    expect(token?.requestBody?.content['application/x-www-form-urlencoded']?.schema).toEqual({
      $ref: '#/components/schemas/TokenRequest',
    });
    expect(token?.responses['401']?.content?.['application/problem+json']?.schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(doc.paths['/.well-known/jwks.json']?.['get']?.security).toEqual([]);
    expect(doc.paths['/clients/{id}']?.['get']?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Client',
    });
    expect(doc.servers.map((s) => s.url)).toEqual([
      'https://interscambio.cittametropolitana.pa.it/registry/v1',
      'http://localhost:8080/registry/v1',
    ]);
  });

  it('serves Swagger UI', async () => {
    const page = await fetch(`${t.url}/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('openapi.json');
    expect((await fetch(`${t.url}/docs/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('wants a registry token on its API: none, or one for another service, is a 401 saying why', async () => {
    const missing = await t.http.get('/enti');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="interscambio"');
    expect(missing.body).toMatchObject({ code: 'token-missing' });
    const tributiToken = await t.token(t.admin.clientId, t.admin.clientSecret, 'tributi');
    const wrong = await t.http.get('/enti', { token: tributiToken });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      code: 'token-wrong-audience',
      detail: 'The token is for audience "tributi", not "registry".',
    });
  });

  it('refuses the tokens of a disabled ente’s clients at once', async () => {
    const client = await t.createClient({ ente: '083001', scopes: ['records:read'] });
    const token = await t.token(client.clientId, client.clientSecret, 'registry');
    const adminToken = await t.adminToken();
    expect((await t.http.get('/enti/083001', { token })).status).toBe(200);
    await t.http.patch('/enti/083001', { token: adminToken, body: { enabled: false } });
    expect((await t.http.get('/enti/083001', { token })).body).toMatchObject({
      status: 401,
      code: 'token-ente-disabled',
    });
  });

  it('creates the first admin client from the command line, its secret printed once', async () => {
    const { rows } = await t.sql.query<{ schema: string }>('select current_schema() as schema');
    const env = { DATABASE_URL: process.env['INTERSCAMBIO_TEST_DATABASE_URL'], DATABASE_SCHEMA: rows[0]?.schema };
    let printed = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        printed += chunk.toString();
        done();
      },
    });
    await adminClientCommand(['--ente', '082000', '--name', 'Primo amministratore'], env, out);
    const id = /client_id: +(\S+)/.exec(printed)?.[1] as string;
    const secret = /client_secret: +(\S+)/.exec(printed)?.[1] as string;
    const token = await t.token(id, secret, 'registry');
    expect((await t.http.get('/keys', { token })).status).toBe(200);
    await expect(adminClientCommand(['--ente', '82000', '--name', 'x'], env, out)).rejects.toThrow(UsageError);
    await expect(adminClientCommand(['--ente', '082000'], env, out)).rejects.toThrow(/--name is required/);
  });
});
