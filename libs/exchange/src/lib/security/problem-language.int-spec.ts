import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';

describe('problems in the language the caller asks for (Accept-Language: it, en)', () => {
  const t = forSuite(() => startProvaTestApp('problem_language'));
  let base: string;

  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    base = `${await t.app.getUrl()}/prova/v1`;
  });

  async function ask(language: string | undefined, path: string, init: RequestInit = {}, authorized = true) {
    const headers = {
      'content-type': 'application/json',
      ...(authorized ? t.as('082053') : {}),
      ...(language ? { 'accept-language': language } : {}),
    };
    const res = await fetch(`${base}${path}`, { ...init, headers });
    const body = (await res.json()) as {
      title: string;
      detail: string;
      errors?: { pointer: string; message: string }[];
    };
    return { status: res.status, language: res.headers.get('content-language'), ...body };
  }

  const invalid = { method: 'PUT', body: '{"anno": "duemila", "nota": "x"}' };

  it('says a refused record in Italian, its schema issues included, to an Italian caller', async () => {
    const answer = await ask('it-IT,it;q=0.9,en;q=0.5', '/records/avviso/082053/lingua', invalid);
    expect(answer).toMatchObject({
      status: 422,
      language: 'it',
      title: 'Validazione non riuscita',
      detail: 'Il documento non è conforme al tipo di record.',
      errors: [{ pointer: '/anno', message: 'deve essere di tipo integer' }],
    });
  });

  it('says it in English to an English caller and to one who names neither language', async () => {
    for (const language of ['en', undefined, 'de-DE']) {
      const answer = await ask(language, '/records/avviso/082053/lingua', invalid);
      expect(answer).toMatchObject({
        status: 422,
        language: 'en',
        title: 'Validation failed',
        errors: [{ pointer: '/anno', message: 'must be integer' }],
      });
    }
  });

  it('refuses a missing token, a bad key and an unknown type in Italian', async () => {
    expect(await ask('it', '/records/avviso/082053/k', {}, false)).toMatchObject({
      status: 401,
      title: 'Non autorizzato',
      detail: expect.stringContaining('Manca il token di accesso'),
    });
    const forged = await fetch(`${base}/records/avviso/082053/k`, {
      headers: { authorization: 'Bearer non.un.jwt', 'accept-language': 'it' },
    });
    expect({ status: forged.status, ...((await forged.json()) as object) }).toMatchObject({
      status: 401,
      code: 'token-malformed',
      detail: expect.stringContaining('Il token non è un JWT leggibile'),
    });
    expect(await ask('it', '/records/avviso/082053/%20chiave')).toMatchObject({
      status: 400,
      detail: expect.stringContaining('La chiave di un record'),
    });
    expect(await ask('it', '/records/sconosciuto/082053/k')).toMatchObject({
      status: 404,
      title: 'Tipo di record sconosciuto',
    });
  });

  it.each([
    ['trail', '/audit?record=avviso', 'record deve essere `<tipo>/<ente>/<chiave>`.'],
    ['receipt', '/records/avviso/082053/k/receipt?revision=zero', 'revision deve essere un intero positivo.'],
    ['history', '/records/avviso/082053/k?asOf=ieri', 'asOf deve essere una data e ora RFC 3339 con il fuso orario.'],
  ])('refuses a %s query in Italian', async (_query, path, detail) => {
    expect(await ask('it', path)).toMatchObject({ status: 400, detail });
  });

  it('refuses an open-data query in Italian', async () => {
    expect(await ask('it', '/opendata/avviso/palermo.csv')).toMatchObject({
      status: 404,
      title: 'Non trovato',
      detail: expect.stringContaining('Nessun dataset aperto avviso/palermo.csv'),
    });
  });

  it('stores nothing of a record it refused, whatever the language', async () => {
    const res = await fetch(`${base}/records/avviso/082053/lingua`, { headers: t.as('082053') });
    expect(res.status).toBe(404);
  });
});
