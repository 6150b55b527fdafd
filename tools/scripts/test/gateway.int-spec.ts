import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

const PROBLEM = /^application\/problem\+json/;

describe('the local gateway in front of a service', () => {
  let harness: ChildProcess;
  let base: string;
  let port: number;

  beforeAll(async () => {
    harness = spawn(process.execPath, [path.join(__dirname, 'gateway-harness.mts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: harness.stdout as NodeJS.ReadableStream }).once('line', resolve),
    );
    port = Number(line);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    harness.kill();
  });

  const put = (body: string): Promise<Response> =>
    fetch(`${base}/svc/v1/echo`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });

  it("passes a body the service takes, and answers one over the service's limit with 413 problem+json, not 502", async () => {
    expect((await put('{"a":1}')).status).toBe(200);
    for (const megabytes of [5, 20]) {
      const res = await put(JSON.stringify({ a: 'x'.repeat(megabytes * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(PROBLEM);
      expect(await res.json()).toMatchObject({ status: 413, code: 'body-too-large' });
    }
    expect((await put('{"a":2}')).status).toBe(200);
  });

  it('answers an unknown first segment with 404 problem+json', async () => {
    const res = await fetch(`${base}/nessuno/v1/status`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'unknown-service' });
  });

  it('answers a request line past 16 KB with 431 problem+json instead of an empty body', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.end(`GET /svc/v1/echo?x=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).toMatchObject({ status: 431 });
  });
});
