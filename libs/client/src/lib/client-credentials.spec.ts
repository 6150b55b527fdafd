import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientCredentials, requestToken, TokenRequestError } from './client-credentials';
import { themeClient } from './service-clients';

/** A registry and a theme on one real HTTP server: tokens it issued, the Authorization each call carried. */
async function platform(expiresIn: number) {
  const issued: string[] = [];
  const seen: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/registry/v1/oauth/token') {
        const form = new URLSearchParams(body);
        if (request.headers.authorization !== `Basic ${Buffer.from('client-1:s3cret').toString('base64')}`) {
          response.writeHead(401, { 'content-type': 'application/problem+json' });
          return response.end(JSON.stringify({ status: 401, code: 'wrong-client-secret', detail: 'Wrong secret.' }));
        }
        const token = `token-${issued.length + 1}-${form.get('audience')}`;
        issued.push(token);
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: expiresIn }));
      }
      seen.push(String(request.headers.authorization));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ items: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, issued, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

const credentials = { clientId: 'client-1', clientSecret: 's3cret', audience: 'tributi' };

describe('the typed client with client credentials', () => {
  it('asks the registry once for concurrent calls and sends the token on each', async () => {
    const p = await platform(300);
    try {
      const client = themeClient('tributi', { baseUrl: p.baseUrl, auth: clientCredentials({ ...credentials, ...p }) });
      await Promise.all([client.GET('/types'), client.GET('/types'), client.GET('/types')]);
      expect(p.issued).toEqual(['token-1-tributi']);
      expect(p.seen).toEqual(Array(3).fill('Bearer token-1-tributi'));
    } finally {
      await p.close();
    }
  });

  it('asks again when the token is about to lapse', async () => {
    const p = await platform(10); // inside the 30 s renewal margin: every call renews
    try {
      const client = themeClient('tributi', { baseUrl: p.baseUrl, auth: clientCredentials({ ...credentials, ...p }) });
      await client.GET('/types');
      await client.GET('/types');
      expect(p.seen).toEqual(['Bearer token-1-tributi', 'Bearer token-2-tributi']);
    } finally {
      await p.close();
    }
  });

  it("throws the registry's refusal with its problem code", async () => {
    const p = await platform(300);
    try {
      const refused = requestToken({ ...credentials, clientSecret: 'wrong', baseUrl: p.baseUrl });
      await expect(refused).rejects.toThrow(TokenRequestError);
      await expect(refused).rejects.toMatchObject({ status: 401, code: 'wrong-client-secret' });
    } finally {
      await p.close();
    }
  });
});
