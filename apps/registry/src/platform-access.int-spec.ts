import { eventually } from '@interscambio/testing';
import { decodeJwt, generateSigningKey } from '@interscambio/access';
import { signJwt } from '@interscambio/access/testing';
import { startThemeTestApp } from '@interscambio/exchange/testing';
import type { ThemeTestApp } from '@interscambio/exchange/testing';
import { startRegistryTestApp } from '@interscambio/registry/testing';

import type { RegistryTestApp } from '@interscambio/registry/testing';
import { SchemaCatalog } from '@interscambio/schemas';

// The whole chain, as deployed: the registry issues tokens and publishes agreements on Kafka; three
// theme services — one per visibility — verify the tokens offline against its JWKS and project
// the agreements. Every caller × visibility × operation gives the expected status, no list or feed
// page shows a record the caller may not see, and a revocation closes reads through the topic.

const TYPES = [
  { theme: 'cultura', type: 'evento', visibility: 'pubblico' },
  { theme: 'tributi', type: 'posizione-debitoria', visibility: 'riservato' },
  { theme: 'sociale', type: 'presa-in-carico', visibility: 'personale' },
] as const;
type Visibility = (typeof TYPES)[number]['visibility'];

const PALERMO = '082053';
const BAGHERIA = '082006';
const MESSINA = '083048';

type CallerName =
  | 'publisher'
  | 'no agreement'
  | 'one-publisher agreement'
  | 'metro-wide agreement'
  | 'operator'
  | 'no token'
  | 'expired token'
  | 'foreign key'
  | 'other audience'
  | 'alg none';

interface Reader {
  ente: string;
  /** Publishers whose riservato and personale records this caller reads through an agreement. */
  covers: (publisher: string) => boolean;
}

const READERS: Partial<Record<CallerName, Reader>> = {
  publisher: { ente: PALERMO, covers: () => false },
  'no agreement': { ente: BAGHERIA, covers: () => false },
  'one-publisher agreement': { ente: '082049', covers: (p) => p === PALERMO },
  'metro-wide agreement': { ente: '082001', covers: (p) => p.startsWith('082') },
  operator: { ente: '082000', covers: () => false },
};
const CALLERS: CallerName[] = [
  'publisher',
  'no agreement',
  'one-publisher agreement',
  'metro-wide agreement',
  'operator',
  'no token',
  'expired token',
  'foreign key',
  'other audience',
  'alg none',
];

const mayRead = (reader: Reader, visibility: Visibility, publisher: string): boolean =>
  visibility === 'pubblico' || publisher === reader.ente || reader.covers(publisher);

/** The status each operation must answer, by caller: what the matrix asks. */
function expected(
  caller: CallerName,
  visibility: Visibility,
): Record<'put' | 'get' | 'list' | 'feed' | 'delete', number> {
  const reader = READERS[caller];
  if (!reader) return { put: 401, get: 401, list: 401, feed: 401, delete: 401 };
  const own = caller === 'publisher';
  return {
    put: own ? 200 : 403,
    get: mayRead(reader, visibility, PALERMO) ? 200 : 404,
    list: 200,
    feed: 200,
    delete: own ? 204 : 403,
  };
}

describe('who may publish and read what, across the registry and the theme services', () => {
  const catalog = SchemaCatalog.load();
  let registry: RegistryTestApp;
  const themes = new Map<string, ThemeTestApp>();
  const headers = new Map<CallerName, Record<string, Record<string, string>>>();
  const registryTokens = new Map<string, string>();
  let singleTributiAgreement = '';

  const example = (theme: string, type: string): unknown => catalog.find(theme, type)?.examples[0];
  const themeOf = (theme: string): ThemeTestApp => themes.get(theme) as ThemeTestApp;

  beforeAll(async () => {
    registry = await startRegistryTestApp('platform_access_registry');
    for (const { theme } of TYPES)
      themes.set(
        theme,
        await startThemeTestApp({ theme, defaultPort: 0 }, `platform_access_${theme.replace(/-/g, '_')}`, {
          KAFKA_TOPIC_PREFIX: registry.topicPrefix,
          TOKEN_JWKS_URL: registry.jwksUrl,
        }),
      );
    const audiences = TYPES.map((t) => t.theme).join(' ');
    const clients = new Map<string, { clientId: string; clientSecret: string }>();
    const client = async (name: string, ente: string, scopes: ('records:read' | 'records:write' | 'operator')[]) => {
      const created = await registry.createClient({ ente, scopes, name });
      clients.set(name, created);
      registryTokens.set(name, await registry.token(created.clientId, created.clientSecret, 'registry'));
      const token = await registry.token(created.clientId, created.clientSecret, audiences);
      return { authorization: `Bearer ${token}` };
    };
    const publisher = await client('publisher', PALERMO, ['records:read', 'records:write']);
    const perTheme = (h: Record<string, string>): Record<string, Record<string, string>> =>
      Object.fromEntries(TYPES.map((t) => [t.theme, h]));
    headers.set('publisher', perTheme(publisher));
    headers.set('no agreement', perTheme(await client('no agreement', BAGHERIA, ['records:read', 'records:write'])));
    headers.set('one-publisher agreement', perTheme(await client('single', '082049', ['records:read'])));
    headers.set('metro-wide agreement', perTheme(await client('metro', '082001', ['records:read'])));
    headers.set('operator', perTheme(await client('operator', '082000', ['operator', 'records:read'])));
    const messina = await client('messina', MESSINA, ['records:read', 'records:write']);
    headers.set('no token', perTheme({}));

    // The tokens the registry never issues, built from a real one of the publisher.
    const real = decodeJwt(publisher.authorization.slice('Bearer '.length));
    const now = Math.floor(Date.now() / 1000);
    const expired = await registry.sign({ ...real.claims, iat: now - 900, exp: now - 300 });
    headers.set('expired token', perTheme({ authorization: `Bearer ${expired}` }));
    // A key of its own under the registry's kid: only the signature tells them apart.
    const forged = signJwt(
      { ...(await generateSigningKey('ES256')), kid: real.header.kid as string },
      real.claims,
      'at+jwt',
    );
    headers.set('foreign key', perTheme({ authorization: `Bearer ${forged}` }));
    headers.set('alg none', perTheme({ authorization: `Bearer ${unsigned(real.header, real.claims)}` }));
    const registryOnly = registryTokens.get('publisher') as string;
    headers.set('other audience', perTheme({ authorization: `Bearer ${registryOnly}` }));

    // Each theme: one record of Palermo to read, one to delete, and records of Bagheria and Messina.
    for (const { theme, type } of TYPES) {
      const t = themeOf(theme);
      const put = async (h: Record<string, string>, ente: string, key: string): Promise<void> => {
        const res = await t.app.inject({
          method: 'PUT',
          url: `/${theme}/v1/records/${type}/${ente}/${key}`,
          headers: h,
          payload: example(theme, type) as object,
        });
        if (res.statusCode !== 201) throw new Error(`${theme} ${ente}/${key}: ${res.statusCode} ${res.body}`);
      };
      await put(publisher, PALERMO, 'matrix-1');
      await put(publisher, PALERMO, 'matrix-del');
      await put(headers.get('no agreement')?.[theme] ?? {}, BAGHERIA, 'matrix-bagheria');
      await put(messina, MESSINA, 'matrix-messina');
    }

    // Agreements, through the registry's API as the comuni and the operator would make them.
    const call = async (who: string, method: string, path: string, body: object = {}): Promise<{ id: string }> => {
      const res = await fetch(`${registry.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${registryTokens.get(who)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { id: string; detail?: string };
      if (!res.ok) throw new Error(`${who} ${method} ${path}: ${res.status} ${json.detail}`);
      return json;
    };
    for (const { theme, type, visibility } of TYPES.filter((t) => t.visibility !== 'pubblico')) {
      // A personale agreement names the fields it shows: here every field of presa-in-carico.
      const fields = ['beneficiario', 'areaIntervento', 'servizioTitolare', 'operatoreRiferimento', 'dataApertura']
        .concat(['dataChiusura', 'stato', 'motivoChiusura'])
        .map((f) => `/${f}`);
      const purpose = visibility === 'personale' ? { purpose: 'Presa in carico congiunta del nucleo', fields } : {};
      const single = await call('single', 'POST', '/agreements', { publisher: PALERMO, theme, type, ...purpose });
      await call('publisher', 'POST', `/agreements/${single.id}/approve`);
      if (theme === 'tributi') singleTributiAgreement = single.id;
      const metro = await call('metro', 'POST', '/agreements', {
        scope: 'metro',
        publisher: '082000',
        theme,
        type,
        ...purpose,
      });
      await call('operator', 'POST', `/agreements/${metro.id}/approve`);
    }
    // The agreements reach each theme through Kafka: wait until both readers see what they cover.
    for (const { theme, type } of TYPES.filter((t) => t.visibility !== 'pubblico'))
      for (const reader of ['one-publisher agreement', 'metro-wide agreement'] as const)
        await eventually(async () => {
          const res = await themeOf(theme).app.inject({
            method: 'GET',
            url: `/${theme}/v1/records/${type}/${PALERMO}/matrix-1`,
            headers: headers.get(reader)?.[theme],
          });
          return res.statusCode === 200 ? true : undefined;
        });
  }, 240_000);

  afterAll(async () => {
    for (const t of themes.values()) await t.close();
    await registry.close();
  });

  describe.each(TYPES)('$visibility ($theme/$type)', ({ theme, type, visibility }) => {
    const base = `/${theme}/v1`;
    const request = (caller: CallerName, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      themeOf(theme).app.inject({
        method,
        url,
        headers: headers.get(caller)?.[theme],
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    it.each(CALLERS)('answers %s as the matrix says for PUT, GET one, list, feed and DELETE', async (caller) => {
      const want = expected(caller, visibility);
      const got = {
        put: (await request(caller, 'PUT', `${base}/records/${type}/${PALERMO}/matrix-1`, example(theme, type)))
          .statusCode,
        get: (await request(caller, 'GET', `${base}/records/${type}/${PALERMO}/matrix-1`)).statusCode,
        list: (await request(caller, 'GET', `${base}/records/${type}`)).statusCode,
        feed: (await request(caller, 'GET', `${base}/feed`)).statusCode,
        // The publisher's own DELETE runs last, in the next test: here a refusal must leave it in place.
        delete:
          caller === 'publisher'
            ? 204
            : (await request(caller, 'DELETE', `${base}/records/${type}/${PALERMO}/matrix-del`)).statusCode,
      };
      expect(got).toEqual(want);
    });

    it('lets the publisher delete its record, after every refusal left it in place', async () => {
      expect((await request('publisher', 'GET', `${base}/records/${type}/${PALERMO}/matrix-del`)).statusCode).toBe(200);
      expect((await request('publisher', 'DELETE', `${base}/records/${type}/${PALERMO}/matrix-del`)).statusCode).toBe(
        204,
      );
    });

    it.each(Object.keys(READERS) as CallerName[])(
      'shows %s, page after page of the list and the feed, every record it may read and nothing else',
      async (caller) => {
        const reader = READERS[caller] as Reader;
        const listed = await allPages(theme, `${base}/records/${type}?limit=1`, headers.get(caller)?.[theme]);
        const fed = (await allPages(theme, `${base}/feed?limit=2&types=${type}`, headers.get(caller)?.[theme])).filter(
          (i) => i.data !== null,
        );
        const shouldSee = [PALERMO, BAGHERIA, MESSINA].filter((ente) => mayRead(reader, visibility, ente)).sort();
        expect([...new Set(listed.map((i) => i.ente))].sort()).toEqual(shouldSee);
        expect([...new Set(fed.map((i) => i.ente))].sort()).toEqual(shouldSee);
        for (const item of [...listed, ...fed]) expect(mayRead(reader, visibility, item.ente)).toBe(true);
      },
    );
  });

  it('closes reads within seconds of the publisher revoking an agreement, through the registry’s topic', async () => {
    const url = `/tributi/v1/records/posizione-debitoria/${PALERMO}/matrix-1`;
    const read = () =>
      themeOf('tributi').app.inject({ method: 'GET', url, headers: headers.get('one-publisher agreement')?.tributi });
    expect((await read()).statusCode).toBe(200);
    const revoked = await fetch(`${registry.url}/agreements/${singleTributiAgreement}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${registryTokens.get('publisher')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'fine della collaborazione' }),
    });
    expect(revoked.status).toBe(200);
    const started = Date.now();
    await eventually(async () => ((await read()).statusCode === 404 ? true : undefined));
    console.log(`revocation reached the tributi service and closed reads in ${Date.now() - started} ms`);
    // The metro-wide agreement of another comune is untouched.
    const metro = await themeOf('tributi').app.inject({
      method: 'GET',
      url,
      headers: headers.get('metro-wide agreement')?.tributi,
    });
    expect(metro.statusCode).toBe(200);
  });

  async function allPages(
    theme: string,
    first: string,
    h: Record<string, string> | undefined,
  ): Promise<{ ente: string; data: unknown }[]> {
    const items: { ente: string; data: unknown }[] = [];
    const param = first.includes('/feed') ? 'after' : 'cursor';
    for (let next: string | null = null, pages = 0; pages < 200; pages++) {
      const url: string = next === null ? first : `${first}&${param}=${next}`;
      const res: Awaited<ReturnType<ThemeTestApp['app']['inject']>> = await themeOf(theme).app.inject({
        method: 'GET',
        url,
        headers: h,
      });
      expect(res.statusCode).toBe(200);
      const page: { items: { ente: string; data: unknown }[]; next: string | null } = res.json();
      items.push(...page.items);
      if (page.items.length === 0 || page.next === null) return items;
      next = page.next;
    }
    throw new Error(`${first}: more than 200 pages`);
  }
});

function unsigned(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ ...header, alg: 'none' })}.${part(claims)}.`;
}
