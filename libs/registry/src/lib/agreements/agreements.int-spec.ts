import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../../test';
import type { HttpResult } from '../../../test';
import type { AgreementView } from './agreement.view';

type Result = HttpResult<
  AgreementView & { code: string; detail: string; existingId: string; errors: { pointer: string }[] }
>;

describe('agreements (accordi di fruizione)', () => {
  const t = forSuite(() => startRegistryTestApp('reg_agreements'));
  const tokens: Record<string, string> = {};
  const tributi = { publisher: '082053', theme: 'tributi', type: 'posizione-debitoria' };

  const as = (who: string) => ({
    request: (body: Record<string, unknown>): Promise<Result> =>
      t.http.post('/agreements', { token: tokens[who], body }),
    act: (id: string, action: string, reason?: string): Promise<Result> =>
      t.http.post(`/agreements/${id}/${action}`, { token: tokens[who], ...(reason ? { body: { reason } } : {}) }),
    get: (path: string): Promise<Result> => t.http.get(path, { token: tokens[who] }),
  });

  beforeAll(async () => {
    const clients: Record<string, [string, ('records:read' | 'records:write' | 'operator' | 'subscriptions')[]]> = {
      bagheria: ['082006', ['records:read']],
      palermoWriter: ['082053', ['records:read', 'records:write']],
      palermoReader: ['082053', ['records:read']],
      operator: ['082000', ['operator', 'records:read']],
      metroWriter: ['082000', ['records:read', 'records:write']],
      messina: ['083048', ['records:read', 'records:write']],
      capaci: ['082017', ['records:read']],
      subscriber: ['082006', ['subscriptions']],
    };
    for (const [name, [ente, scopes]] of Object.entries(clients)) {
      const client = await t.createClient({ ente, scopes });
      tokens[name] = await t.token(client.clientId, client.clientSecret, 'registry');
    }
    tokens['admin'] = await t.adminToken();
  });

  it('go requested → active → suspended → active → revoked, each step in the history', async () => {
    const requested = await as('bagheria').request(tributi);
    expect(requested.status).toBe(201);
    expect(requested.headers.get('location')).toBe(`/registry/v1/agreements/${requested.body.id}`);
    expect(requested.body).toMatchObject({
      consumer: '082006',
      scope: 'ente',
      ...tributi,
      status: 'requested',
      version: 1,
      purpose: null,
    });
    const id = requested.body.id;
    expect((await as('palermoWriter').act(id, 'approve', 'Convenzione n. 12/2026')).body).toMatchObject({
      status: 'active',
      version: 2,
    });
    expect((await as('operator').act(id, 'suspend', 'Verifica in corso')).body).toMatchObject({
      status: 'suspended',
      version: 3,
    });
    expect((await as('palermoWriter').act(id, 'resume')).body).toMatchObject({ status: 'active', version: 4 });
    const revoked = await as('bagheria').act(id, 'revoke', 'Non più necessario');
    expect(revoked.body).toMatchObject({ status: 'revoked', version: 5 });

    const read = await as('palermoReader').get(`/agreements/${id}`);
    expect(
      read.body.history?.map(({ version, from, to, byEnte, reason }) => ({ version, from, to, byEnte, reason })),
    ).toEqual([
      { version: 1, from: null, to: 'requested', byEnte: '082006', reason: null },
      { version: 2, from: 'requested', to: 'active', byEnte: '082053', reason: 'Convenzione n. 12/2026' },
      { version: 3, from: 'active', to: 'suspended', byEnte: '082000', reason: 'Verifica in corso' },
      { version: 4, from: 'suspended', to: 'active', byEnte: '082053', reason: null },
      { version: 5, from: 'active', to: 'revoked', byEnte: '082006', reason: 'Non più necessario' },
    ]);
  });

  it('are decided by the publisher with records:write or an operator; anyone else gets a 403 naming who may', async () => {
    const { body } = await as('bagheria').request({ ...tributi, type: 'versamento' });
    for (const who of ['palermoReader', 'messina', 'admin', 'bagheria']) {
      const refused = await as(who).act(body.id, 'approve');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('agreement-forbidden');
      expect(refused.body.detail).toMatch(
        /^Only a client of the publisher 082053 with scope records:write, or an operator may approve this agreement; client ".*" acts for ente \d{6} with /,
      );
    }
    expect((await as('operator').act(body.id, 'reject', 'Manca la convenzione')).body).toMatchObject({
      status: 'rejected',
    });
  });

  it('are decided by operators only when metro-wide; the consumer may still withdraw its own', async () => {
    const metro = { scope: 'metro', publisher: '082000', theme: 'edilizia-catasto', type: 'pratica-edilizia' };
    const { body, status } = await as('capaci').request(metro);
    expect(status).toBe(201);
    const byMetroClient = await as('metroWriter').act(body.id, 'approve');
    expect(byMetroClient.status).toBe(403);
    expect(byMetroClient.body.detail).toMatch(
      /Only an operator \(metro-wide agreements are decided by operators only\) may approve/,
    );
    expect((await as('operator').act(body.id, 'approve')).body).toMatchObject({ status: 'active', scope: 'metro' });
    expect((await as('capaci').act(body.id, 'suspend')).status).toBe(403);
    expect((await as('capaci').act(body.id, 'revoke')).body).toMatchObject({ status: 'revoked', version: 3 });
  });

  it('refuse a transition the current status does not allow with a 409 naming it', async () => {
    const { body } = await as('bagheria').request({ ...tributi, type: 'avviso-verifica-imu' });
    await as('palermoWriter').act(body.id, 'approve');
    const again = await as('palermoWriter').act(body.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'agreement-transition-not-allowed',
      detail: `Agreement ${body.id} is active: it cannot approve. From active it can suspend, revoke.`,
    });
    await as('palermoWriter').act(body.id, 'revoke');
    expect((await as('operator').act(body.id, 'resume')).body.detail).toBe(
      `Agreement ${body.id} is revoked: it cannot resume. revoked is final.`,
    );
    expect((await as('operator').act(body.id, 'destroy')).body).toMatchObject({ code: 'unknown-action' });
    // The action is known before the body: an unknown one is a 404 even with a body that is not valid.
    const unknownWithBadBody = await as('operator').act(body.id, 'destroy', 'x'.repeat(1001));
    expect(unknownWithBadBody.status).toBe(404);
    expect(unknownWithBadBody.body).toMatchObject({ code: 'unknown-action' });
  });

  it('refuse a live duplicate with a 409 carrying the existing id, and allow a new request once it is revoked', async () => {
    const request = { publisher: '082053', theme: 'edilizia-catasto', type: 'unita-immobiliare' };
    const first = await as('bagheria').request(request);
    const duplicate = await as('bagheria').request(request);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'agreement-exists', existingId: first.body.id });
    expect(duplicate.body.detail).toContain(`Agreement ${first.body.id} already covers this`);
    await as('bagheria').act(first.body.id, 'revoke');
    expect((await as('bagheria').request(request)).status).toBe(201);
  });

  it('let one of two simultaneous requests in and point the other at it', async () => {
    const request = { publisher: '082053', theme: 'tributi', type: 'posizione-debitoria', consumer: '082017' };
    const results = await Promise.all([as('operator').request(request), as('operator').request(request)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = results.find((r) => r.status === 201);
    expect(results.find((r) => r.status === 409)?.body.existingId).toBe(created?.body.id);
  });

  it('serialise simultaneous transitions of one agreement: one wins, the other sees the new status', async () => {
    const { body } = await as('messina').request({
      publisher: '082053',
      theme: 'tributi',
      type: 'posizione-debitoria',
    });
    const results = await Promise.all([
      as('palermoWriter').act(body.id, 'approve'),
      as('operator').act(body.id, 'approve'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const read = await as('operator').get(`/agreements/${body.id}`);
    expect(read.body).toMatchObject({ status: 'active', version: 2 });
    expect(read.body.history).toHaveLength(2);
  });

  it.each([
    ['unknown-theme', { ...tributi, theme: 'catasto' }, '/theme', /no theme "catasto"; the themes are .*tributi/],
    [
      'unknown-type',
      { ...tributi, type: 'tassa' },
      '/type',
      /Theme tributi has no record type "tassa"; its types are .*posizione-debitoria/,
    ],
    [
      'agreement-not-needed',
      { ...tributi, theme: 'cultura', type: 'evento' },
      '/type',
      /cultura\/evento records are pubblico/,
    ],
    [
      'purpose-required',
      { ...tributi, theme: 'sociale', type: 'prestazione', purpose: 'troppo' },
      '/purpose',
      /personale .* at least 10 characters/,
    ],
    [
      'publisher-is-consumer',
      { ...tributi, publisher: '082006' },
      '/publisher',
      /reads its own records without an agreement/,
    ],
    ['unknown-ente', { ...tributi, publisher: '099999' }, '/publisher', /No ente has the ISTAT code "099999"/],
    [
      'not-a-citta-metropolitana',
      { ...tributi, scope: 'metro' },
      '/publisher',
      /names a città metropolitana .*; 082053 is Palermo/,
    ],
  ])('refuse what cannot be agreed with a 422 naming the field: %s', async (code, body, pointer, detail) => {
    const res = await as('bagheria').request(body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code, errors: [expect.objectContaining({ pointer })] });
    expect(res.body.detail).toMatch(detail);
  });

  it('refuse in Italian to a caller who asks for it, the issue at the field included', async () => {
    const res = await t.http.post('/agreements', {
      token: tokens['bagheria'],
      body: { ...tributi, publisher: '099999' },
      headers: { 'accept-language': 'it' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      title: 'Richiesta non elaborabile',
      detail: 'Nessun ente ha il codice ISTAT "099999".',
      errors: [expect.objectContaining({ pointer: '/publisher', message: 'Nessun ente ha il codice ISTAT "099999".' })],
    });
  });

  it('refuse a disabled publisher with a 422 naming the field', async () => {
    expect((await t.http.patch('/enti/083001', { token: tokens['admin'], body: { enabled: false } })).status).toBe(200);
    const res = await as('bagheria').request({ ...tributi, publisher: '083001' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'ente-disabled',
      errors: [expect.objectContaining({ pointer: '/publisher' })],
    });
    expect(res.body.detail).toMatch(/Ente 083001 \(.+\) is disabled on the platform/);
  });

  it('accept a personale type with a stated purpose and the fields it needs', async () => {
    const res = await as('bagheria').request({
      publisher: '082053',
      theme: 'sociale',
      type: 'presa-in-carico',
      purpose: 'Continuità della presa in carico dei nuclei trasferiti',
      fields: ['/beneficiario/codiceFiscale', '/stato'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      purpose: 'Continuità della presa in carico dei nuclei trasferiti',
      fields: ['/beneficiario/codiceFiscale', '/stato'],
    });
  });

  it('refuse a personale agreement that names no fields, or a field the type does not have', async () => {
    const asked = {
      publisher: '082053',
      theme: 'sociale',
      type: 'prestazione',
      purpose: 'Verifica delle prestazioni erogate ai nuclei trasferiti',
    };
    const none = await as('bagheria').request(asked);
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({
      code: 'fields-required',
      errors: [expect.objectContaining({ pointer: '/fields' })],
    });
    const unknown = await as('bagheria').request({ ...asked, fields: ['/stato', '/beneficiario/indirizzo'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'unknown-field',
      errors: [expect.objectContaining({ pointer: '/fields/1' })],
      detail: expect.stringContaining('/beneficiario/indirizzo'),
    });
  });

  it('are requested for the caller’s own ente; only an operator or admin names another consumer', async () => {
    const refused = await as('bagheria').request({ ...tributi, type: 'versamento', consumer: '082017' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/Only an operator or admin may request an agreement for another ente/);
    const named = await as('operator').request({ ...tributi, type: 'versamento', consumer: '083048' });
    expect(named.body).toMatchObject({ status: 'requested', consumer: '083048' });
    expect((await as('subscriber').request(tributi)).body).toMatchObject({ code: 'insufficient-scope' });
  });

  it('are visible to their parties, operators and admins', async () => {
    const mine = await as('bagheria').get('/agreements?publisher=082053&status=revoked');
    const items = (mine.body as unknown as { items: AgreementView[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.consumer === '082006' && a.status === 'revoked')).toBe(true);
    const asPublisher = (await as('palermoReader').get('/agreements')).body as unknown as { items: AgreementView[] };
    expect(asPublisher.items.every((a) => a.publisher === '082053' || a.consumer === '082053')).toBe(true);
    const all = (await as('operator').get('/agreements')).body as unknown as { items: AgreementView[] };
    expect(all.items.length).toBeGreaterThan(asPublisher.items.length);
    const outsider = all.items.find((a) => a.consumer !== '083048' && a.publisher !== '083048') as AgreementView;
    const hidden = await as('messina').get(`/agreements/${outsider.id}`);
    expect(hidden.status).toBe(403);
    expect(hidden.body.code).toBe('agreement-not-visible');
    expect((await as('operator').get('/agreements?status=gone')).body).toMatchObject({ code: 'invalid-query' });
    expect((await as('operator').get('/agreements/not-a-uuid')).body).toMatchObject({ code: 'agreement-not-found' });
  });
});
