import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook } from './webhook.sender';

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests++;
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts to a loopback receiver in the sandbox', async () => {
    const before = requests;
    expect(await postWebhook(`http://127.0.0.1:${port}/`, '{}', {}, { sandbox: true, timeoutMs: 2000 })).toMatchObject({
      ok: true,
      status: 204,
    });
    expect(requests).toBe(before + 1);
  });

  it.each([
    ['an address literal', () => `http://127.0.0.1:${port}/`],
    // A name is resolved inside the connection: what it resolves to at delivery time is what is checked.
    ['a name resolving to loopback', () => `http://localhost:${port}/`],
  ])('outside the sandbox, never connects to %s', async (_what, url) => {
    const before = requests;
    const outcome = await postWebhook(url(), '{}', {}, { sandbox: false, timeoutMs: 2000 });
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toMatch(/private, loopback or link-local/);
    expect(requests).toBe(before);
  });
});
