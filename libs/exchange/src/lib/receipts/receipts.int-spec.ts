import { createHash } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import { RECEIPT_TYPE } from './receipt.signer';
import { PROVA_BASE } from '../../../test/prova-theme';

describe('signed receipts: every accepted change gets one, verifiable with the published key', () => {
  const t = forSuite(() => startProvaTestApp('receipts'));
  let verify: (receipt: string) => Promise<JWTPayload>;

  beforeAll(async () => {
    const jwks = (await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/.well-known/jwks.json` })).json();
    const keys = createLocalJWKSet(jwks);
    // Verified as any consumer would, from the README's description: jose checks the JWS against the
    // JWKS, then the leaf's path must lead to the signed root (RFC 6962 hashing, written out here).
    verify = async (receipt) => {
      const [jws = '', leaf = '', path = ''] = receipt.split('~');
      const { payload } = await jwtVerify(jws, keys, {
        issuer: 'urn:interscambio:prova',
        typ: RECEIPT_TYPE,
        algorithms: ['EdDSA'],
      });
      const sha256 = (...parts: Buffer[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
      const steps = JSON.parse(Buffer.from(path, 'base64url').toString()) as string[];
      const root = steps.reduce(
        (hash, step) => {
          const sibling = Buffer.from(step.slice(2), 'base64url');
          return step.startsWith('L:') ? sha256(Buffer.of(1), sibling, hash) : sha256(Buffer.of(1), hash, sibling);
        },
        sha256(Buffer.of(0), Buffer.from(leaf, 'base64url')),
      );
      if (root.toString('base64url') !== payload['root']) throw new Error('the leaf does not lead to the signed root');
      return { ...payload, ...(JSON.parse(Buffer.from(leaf, 'base64url').toString()) as object) };
    };
  });

  const put = (key: string, payload: object, ente = '082053', headers: Record<string, string> = {}) =>
    t.call(ente, { method: 'PUT', url: `${PROVA_BASE}/records/pratica/${ente}/${key}`, payload, headers });

  it('answers a write with a receipt naming the record, its content hash, the client and the request', async () => {
    const res = await put('ricevuta', { anno: 2024 }, '082053', { 'x-correlation-id': 'corr-ricevuta' });
    expect(res.statusCode).toBe(201);
    const receipt = res.headers['interscambio-receipt'] as string;
    const claims = await verify(receipt);
    const stored = await t.sql.query(`select content_hash from record where key = 'ricevuta'`);
    const event = await t.sql.query(`select id, headers from outbox where key = '082053/ricevuta'`);
    expect(claims).toMatchObject({
      type: 'pratica',
      ente: '082053',
      key: 'ricevuta',
      event: event.rows[0].id,
      operation: 'put',
      contentHash: stored.rows[0].content_hash,
      clientId: 'test-082053',
      correlationId: 'corr-ricevuta',
    });
    // The event carries the same receipt, so a consumer can verify what was published by whom.
    expect(event.rows[0].headers['interscambio-receipt']).toBe(receipt);
  });

  it('keeps each revision’s receipt: GET …/receipt names the latest, ?revision= an earlier one', async () => {
    const first = (await put('storia', { anno: 2024 })).headers['interscambio-receipt'];
    const second = (await put('storia', { anno: 2025 })).headers['interscambio-receipt'];
    expect(first).not.toBe(second);
    const latest = await t.call('082053', {
      method: 'GET',
      url: `${PROVA_BASE}/records/pratica/082053/storia/receipt`,
    });
    expect(latest.json()).toEqual({ type: 'pratica', ente: '082053', key: 'storia', revision: 2, receipt: second });
    const earlier = await t.call('082053', {
      method: 'GET',
      url: `${PROVA_BASE}/records/pratica/082053/storia/receipt?revision=1`,
    });
    expect(earlier.json()).toMatchObject({ revision: 1, receipt: first });
    // The same content again changes nothing: the answer carries the current revision's receipt.
    expect((await put('storia', { anno: 2025 })).headers['interscambio-receipt']).toBe(second);
  });

  it('gives every item of a batch its own receipt, and a delete one of its own', async () => {
    const res = await t.call('082053', {
      method: 'POST',
      url: `${PROVA_BASE}/records/pratica/batch`,
      payload: { items: ['b-1', 'b-2'].map((key) => ({ ente: '082053', key, data: { anno: 2024 } })) },
    });
    const items = res.json<{ items: { key: string; receipt: string }[] }>().items;
    for (const item of items) expect(await verify(item.receipt)).toMatchObject({ key: item.key, size: 2 });
    const removed = await t.call('082053', { method: 'DELETE', url: `${PROVA_BASE}/records/pratica/082053/b-1` });
    expect(await verify(removed.headers['interscambio-receipt'] as string)).toMatchObject({
      operation: 'delete',
      contentHash: null,
    });
  });

  it('refuses a receipt altered after signing: the signed part, or the change it names', async () => {
    const receipt = (await put('alterata', { anno: 2024 })).headers['interscambio-receipt'] as string;
    const [jws = '', leaf = '', path = ''] = receipt.split('~');
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, clientId: 'qualcun-altro' })).toString('base64url');
    await expect(verify(`${header}.${forged}.${signature}~${leaf}~${path}`)).rejects.toThrow(/signature/);
    const change = JSON.parse(Buffer.from(leaf, 'base64url').toString());
    const other = Buffer.from(JSON.stringify({ ...change, key: 'un-altro-record' })).toString('base64url');
    await expect(verify(`${jws}~${other}~${path}`)).rejects.toThrow(/signed root/);
  });

  it('shows a riservato record’s receipt only to who may read the record', async () => {
    await put('privata', { anno: 2024 });
    const other = await t.call('082006', {
      method: 'GET',
      url: `${PROVA_BASE}/records/pratica/082053/privata/receipt`,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'record-not-found' });
  });
});
