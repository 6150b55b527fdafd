import { connect } from 'node:net';
import { rawExchange } from '@interscambio/http/testing';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';

const PROBLEM = /^application\/problem\+json/;

/** What a raw HTTP/1.1 request gets back on a fresh socket: status line, headers and body as text. */
function raw(port: number, request: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    });
  });
}

describe('hostile HTTP: every refusal is a 4xx problem+json, never a 500 or a reset', () => {
  const t = forSuite(() => startProvaTestApp('hostile_http'));
  let base: string;
  let port: number;

  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    port = Number(new URL(base).port);
  });

  const call = (path: string, init: RequestInit = {}, ente = '082053'): Promise<Response> =>
    fetch(`${base}/prova/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...t.as(ente), ...(init.headers as Record<string, string>) },
    });

  async function expectProblem(res: Response, status: number, code?: string): Promise<Record<string, unknown>> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status, ...(code ? { code } : {}) });
    return body;
  }

  it('reads, writes and deletes a record whose key has the longest length a key may have, on its own routes', async () => {
    const key = `K${'x'.repeat(199)}`;
    expect((await call(`/records/avviso/082053/${key}`, { method: 'PUT', body: '{"anno":2024}' })).status).toBe(201);
    expect((await call(`/records/avviso/082053/${key}`)).status).toBe(200);
    expect((await call(`/records/avviso/082053/${key}`, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(
      await call(`/records/avviso/082053/${key}x`, { method: 'PUT', body: '{"anno":2024}' }),
      400,
      'invalid-key',
    );
  });

  it('refuses a query parameter given twice, naming it', async () => {
    for (const path of [
      '/feed?types=avviso&types=avviso',
      '/records/avviso?limit=1&limit=2',
      '/records/avviso?ente=082053&ente=082006',
    ]) {
      const body = await expectProblem(await call(path), 400, 'invalid-query');
      expect(String(body['detail'])).toMatch(/given 2 times/);
    }
  });

  it('refuses a write without the scope for it before reading the body, however broken', async () => {
    const res = await call('/records/avviso/082053/senza-scope', {
      method: 'PUT',
      body: '{"anno": 2024, broken',
      headers: t.as('082053', ['records:read']),
    });
    await expectProblem(res, 403, 'insufficient-scope');
  });

  it('refuses bad percent-encoding in the path', async () => {
    await expectProblem(await call('/records/avviso/082053/%C0%AF'), 400);
  });

  it('refuses cursors past PostgreSQL bigint on lists, the feed and the audit trail', async () => {
    const cursor = 'cDE6OTk5OTk5OTk5OTk5OTk5OTk5OQ';
    await expectProblem(await call(`/records/avviso?cursor=${cursor}`), 400, 'invalid-cursor');
    await expectProblem(await call(`/feed?after=${cursor}`), 400, 'invalid-cursor');
    await expectProblem(await call(`/audit?record=avviso/082053/k&cursor=${cursor}`), 400, 'invalid-cursor');
  });

  it('refuses a NUL or a lone surrogate in a document with 422 at its pointer, and in a batch only that item', async () => {
    for (const nota of ['a\u0000b', 'a\ud800b']) {
      const body = await expectProblem(
        await call('/records/avviso/082053/testo', { method: 'PUT', body: JSON.stringify({ anno: 2024, nota }) }),
        422,
        'validation-failed',
      );
      expect(body['errors']).toEqual([expect.objectContaining({ pointer: '/nota', keyword: 'text' })]);
    }
    const res = await call('/records/avviso/batch', {
      method: 'POST',
      body: JSON.stringify({
        items: [
          { ente: '082053', key: 'b-ok', data: { anno: 2024 } },
          { ente: '082053', key: 'b-nul', data: { anno: 2024, nota: 'x\u0000' } },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { status: number; errors?: unknown[] }[] };
    expect(items.map((i) => i.status)).toEqual([201, 422]);
    expect(items[1]?.errors).toEqual([expect.objectContaining({ pointer: '/data/nota' })]);
  });

  it('refuses JSON nested past 64 levels with 400, before anything walks it (an Idempotency-Key fingerprint did)', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const idempotent = { 'idempotency-key': 'profondo' };
    const put = { method: 'PUT', body: `{"anno":2024,"nota":${deep}}`, headers: idempotent };
    await expectProblem(await call('/records/avviso/082053/profondo', put), 400, 'json-too-deep');
    const item = `{"ente":${deep},"key":"k","data":{"anno":2024}}`;
    const batch = { method: 'POST', body: `{"items":[${item}]}` };
    await expectProblem(await call('/records/avviso/batch', batch), 400, 'json-too-deep');
  });

  it('replays a batch answer that repeats a NUL or a lone surrogate from the items it refused', async () => {
    const items = [
      { ente: '082053', key: 'k\u0000', data: { anno: 2024 } },
      { ente: '\ud800', key: 'k', data: { anno: 2024 } },
    ];
    const batch = { method: 'POST', body: JSON.stringify({ items }), headers: { 'idempotency-key': 'testo-ripetuto' } };
    const first = await call('/records/avviso/batch', batch);
    const replay = await call('/records/avviso/batch', batch);
    expect([first.status, replay.status, replay.headers.get('idempotency-replayed')]).toEqual([200, 200, 'true']);
    expect(await replay.json()).toEqual(await first.json());
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const huge = JSON.stringify({ anno: 2024, nota: 'x'.repeat(3 * 1024 * 1024) });
    await expectProblem(await call('/records/avviso/082053/enorme', { method: 'PUT', body: huge }), 413);
  });

  it('answers a 70,000-character URL and an oversized header with problem+json, not a reset connection', async () => {
    const longUrl = await raw(port, `GET /prova/v1/records/avviso?x=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect([414, 431]).toContain(longUrl.status);
    expect(longUrl.head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(longUrl.body)).toMatchObject({ status: longUrl.status });
    const bigHeader = await raw(
      port,
      `GET /prova/v1/status HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expect(bigHeader.status).toBe(431);
    expect(JSON.parse(bigHeader.body)).toMatchObject({ status: 431, code: 'request-header-fields-too-large' });
    const garbage = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toMatchObject({ status: 400 });
  });

  it("answers a request without Host, an Expect it cannot meet and a CONNECT with problem+json, not Node's bare refusals", async () => {
    const requests = [
      'GET /prova/v1/status HTTP/1.1\r\n\r\n',
      'GET /prova/v1/status HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n',
      'CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n',
    ];
    const statuses: unknown[] = [];
    for (const request of requests) {
      const [answer] = (await rawExchange(port, request)).answers;
      expect(answer?.headers['content-type']).toMatch(PROBLEM);
      statuses.push(JSON.parse(answer?.body ?? '{}')['status']);
    }
    expect(statuses).toEqual([400, 417, 405]);
  });

  it('is still healthy after all of the above', async () => {
    expect((await fetch(`${base}/prova/v1/status`)).status).toBe(200);
    expect((await call('/records/avviso/082053/dopo', { method: 'PUT', body: '{"anno":2025}' })).status).toBe(201);
  });
});
