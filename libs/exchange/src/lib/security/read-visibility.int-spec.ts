import type { AgreementState, Scope } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { agreementState } from '../../../test/agreement-publisher';
import { PROVA_BASE, PROVA_TYPES } from '../../../test/prova-theme';
import type { ProvaType } from '../../../test/prova-theme';
import { startProvaTestAppWithAgreements } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';

const TYPES = Object.keys(PROVA_TYPES) as ProvaType[];

/** Every record of the test, as `<type>/<ente>/<key>`; each is written by its own ente. */
const AV_PALERMO = 'avviso/082053/av-palermo';
const AV_MESSINA = 'avviso/083048/av-messina';
const PR_PALERMO = 'pratica/082053/pr-palermo';
const PR_CANCELLATA = 'pratica/082053/pr-cancellata'; // written, then deleted: only its feed entries remain
const PR_BAGHERIA = 'pratica/082006/pr-bagheria';
const PR_MONREALE = 'pratica/082049/pr-monreale';
const PR_MESSINA = 'pratica/083048/pr-messina';
const FA_PALERMO = 'fascicolo/082053/fa-palermo';
const FA_BAGHERIA = 'fascicolo/082006/fa-bagheria';
const FA_MESSINA = 'fascicolo/083048/fa-messina';

const LIVE = [
  AV_PALERMO,
  AV_MESSINA,
  PR_PALERMO,
  PR_BAGHERIA,
  PR_MONREALE,
  PR_MESSINA,
  FA_PALERMO,
  FA_BAGHERIA,
  FA_MESSINA,
];
const DELETED = [PR_CANCELLATA];
const OPEN = [AV_PALERMO, AV_MESSINA];

interface Caller {
  name: string;
  ente: string;
  scopes: Scope[];
}

const READ: Scope[] = ['records:read'];
const PUBLISHER: Caller = { name: 'publisher 082053', ente: '082053', scopes: READ };
const BAGHERIA: Caller = { name: 'Bagheria 082006', ente: '082006', scopes: READ };
const MONREALE: Caller = { name: 'Monreale 082049', ente: '082049', scopes: READ };
const MESSINA: Caller = { name: 'Messina 083048', ente: '083048', scopes: READ };
const OPERATOR: Caller = { name: 'operator of 082000', ente: '082000', scopes: ['records:read', 'operator'] };
const CALLERS = [PUBLISHER, BAGHERIA, MONREALE, MESSINA, OPERATOR];

/** What each caller may see (live and deleted records alike) at one moment of the agreements. */
type Visible = Map<Caller, string[]>;

const BEFORE_AGREEMENTS: Visible = new Map([
  [PUBLISHER, [...OPEN, PR_PALERMO, PR_CANCELLATA, FA_PALERMO]],
  [BAGHERIA, [...OPEN, PR_BAGHERIA, FA_BAGHERIA]],
  [MONREALE, [...OPEN, PR_MONREALE]],
  [MESSINA, [...OPEN, PR_MESSINA, FA_MESSINA]],
  [OPERATOR, OPEN],
]);

// Bagheria: one-publisher agreements with 082053 for pratica and fascicolo. Monreale: metro-wide
// agreements of 082000 for both. Messina: a metro-wide one of its own province (083000), one still
// `requested`, one of another theme, a personale one without a purpose and a "metro-wide" one
// granted by a comune — none of which reaches a Palermo record.
const WITH_AGREEMENTS: Visible = new Map([
  [PUBLISHER, [...OPEN, PR_PALERMO, PR_CANCELLATA, FA_PALERMO]],
  [BAGHERIA, [...OPEN, PR_BAGHERIA, FA_BAGHERIA, PR_PALERMO, PR_CANCELLATA, FA_PALERMO]],
  [MONREALE, [...OPEN, PR_MONREALE, PR_PALERMO, PR_CANCELLATA, PR_BAGHERIA, FA_PALERMO, FA_BAGHERIA]],
  [MESSINA, [...OPEN, PR_MESSINA, FA_MESSINA]],
  [OPERATOR, OPEN],
]);

// Bagheria's fascicolo agreement suspended, Monreale's metro-wide pratica agreement revoked.
const AFTER_WITHDRAWAL: Visible = new Map([
  [PUBLISHER, [...OPEN, PR_PALERMO, PR_CANCELLATA, FA_PALERMO]],
  [BAGHERIA, [...OPEN, PR_BAGHERIA, FA_BAGHERIA, PR_PALERMO, PR_CANCELLATA]],
  [MONREALE, [...OPEN, PR_MONREALE, FA_PALERMO, FA_BAGHERIA]],
  [MESSINA, [...OPEN, PR_MESSINA, FA_MESSINA]],
  [OPERATOR, OPEN],
]);

const AGREEMENTS = {
  bagheriaPratica: agreementState({
    id: 'acc-bagheria-pratica',
    consumer: '082006',
    publisher: '082053',
    type: 'pratica',
  }),
  bagheriaFascicolo: agreementState({
    id: 'acc-bagheria-fascicolo',
    consumer: '082006',
    publisher: '082053',
    type: 'fascicolo',
    purpose: 'presa in carico congiunta',
  }),
  monrealePratica: agreementState({
    id: 'acc-monreale-pratica',
    consumer: '082049',
    scope: 'metro',
    publisher: '082000',
    type: 'pratica',
  }),
  monrealeFascicolo: agreementState({
    id: 'acc-monreale-fascicolo',
    consumer: '082049',
    scope: 'metro',
    publisher: '082000',
    type: 'fascicolo',
    purpose: 'vigilanza metropolitana',
  }),
  messinaMetro: agreementState({
    id: 'acc-messina-metro',
    consumer: '083048',
    scope: 'metro',
    publisher: '083000',
    type: 'pratica',
  }),
  messinaRequested: agreementState({
    id: 'acc-messina-richiesto',
    consumer: '083048',
    publisher: '082053',
    type: 'pratica',
    status: 'requested',
  }),
  messinaWithoutPurpose: agreementState({
    id: 'acc-messina-senza-finalita',
    consumer: '083048',
    publisher: '082053',
    type: 'fascicolo',
    purpose: null,
  }),
  messinaMetroOfAComune: agreementState({
    id: 'acc-messina-metro-di-un-comune',
    consumer: '083048',
    scope: 'metro',
    publisher: '082053',
    type: 'pratica',
  }),
  messinaOtherTheme: agreementState({
    id: 'acc-messina-sociale',
    consumer: '083048',
    publisher: '082053',
    type: 'pratica',
    theme: 'sociale',
  }),
} satisfies Record<string, AgreementState>;

type Response = Awaited<ReturnType<ThemeTestApp['app']['inject']>>;

interface ListPage {
  items: { ente: string; key: string }[];
  next: string | null;
}

interface Sightings {
  get: string[];
  list: string[];
  feed: string[];
}

const sorted = (items: Iterable<string>): string[] => [...new Set(items)].sort();

function expectedSightings(visible: string[]): Sightings {
  const live = visible.filter((r) => !DELETED.includes(r));
  return { get: sorted(live), list: sorted(live), feed: sorted(visible) };
}

describe('read visibility: open data to all, the rest to its publisher and through active agreements', () => {
  const t = forSuite(() => startProvaTestAppWithAgreements('access_reads'));

  beforeAll(async () => {
    for (const address of [...LIVE, ...DELETED]) {
      const [type, ente, key] = address.split('/') as [string, string, string];
      const res = await t.call(ente, {
        method: 'PUT',
        url: `${PROVA_BASE}/records/${type}/${ente}/${key}`,
        payload: { anno: 2024, nota: key },
      });
      if (res.statusCode !== 201) throw new Error(`writing ${address}: ${res.statusCode} ${res.body}`);
    }
    for (const address of DELETED) {
      const [type, ente, key] = address.split('/') as [string, string, string];
      const res = await t.call(ente, { method: 'DELETE', url: `${PROVA_BASE}/records/${type}/${ente}/${key}` });
      if (res.statusCode !== 204) throw new Error(`deleting ${address}: ${res.statusCode} ${res.body}`);
    }
  });

  const headersOf = (caller: Caller): { authorization: string } => t.as(caller.ente, caller.scopes);

  /** The 404 of a record nobody ever wrote, without what differs on every answer. */
  async function neverWritten(caller: Caller, type: string): Promise<unknown> {
    const res = await t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/records/${type}/082053/mai-scritto`,
      headers: headersOf(caller),
    });
    expect(res.statusCode).toBe(404);
    return comparable(res.json());
  }

  function comparable(problem: Record<string, unknown>): Record<string, unknown> {
    const copy = { ...problem };
    delete copy['instance'];
    delete copy['correlationId'];
    return copy;
  }

  /** What `caller` gets by GET of each record, by listing each type page by page, by reading the whole feed. */
  async function sightings(caller: Caller): Promise<Sightings> {
    const headers = headersOf(caller);
    const get: string[] = [];
    for (const address of [...LIVE, ...DELETED]) {
      const res = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/records/${address}`, headers });
      if (res.statusCode === 200) {
        get.push(address);
        continue;
      }
      // A hidden record must answer exactly like one that does not exist.
      expect({ address, status: res.statusCode }).toEqual({ address, status: 404 });
      expect({ address, problem: comparable(res.json()) }).toEqual({
        address,
        problem: await neverWritten(caller, address.split('/')[0] as string),
      });
      expect(res.headers['etag']).toBeUndefined();
    }

    const list: string[] = [];
    for (const type of TYPES) {
      let cursor: string | null = '';
      while (cursor !== null) {
        const res: Response = await t.app.inject({
          method: 'GET',
          url: `${PROVA_BASE}/records/${type}?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          headers,
        });
        expect(res.statusCode).toBe(200);
        const page: ListPage = res.json<ListPage>();
        expect(page.items.length).toBeLessThanOrEqual(1);
        list.push(...page.items.map((i) => `${type}/${i.ente}/${i.key}`));
        cursor = page.next;
      }
    }

    const feed: string[] = [];
    for (let after = '', more = true; more;) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${PROVA_BASE}/feed?limit=2${after ? `&after=${after}` : ''}`,
        headers,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: { type: string; ente: string; key: string }[]; next: string }>();
      feed.push(...page.items.map((i) => `${i.type}/${i.ente}/${i.key}`));
      more = page.items.length > 0;
      after = page.next;
    }
    return { get: sorted(get), list: sorted(list), feed: sorted(feed) };
  }

  async function expectVisibility(visible: Visible, callers: Caller[] = CALLERS): Promise<void> {
    for (const caller of callers) {
      const expected = expectedSightings(visible.get(caller) ?? []);
      expect({ caller: caller.name, ...(await sightings(caller)) }).toEqual({ caller: caller.name, ...expected });
    }
  }

  async function agreementRows(): Promise<{ id: string; status: string; version: number }[]> {
    const { rows } = await t.sql.query<{ id: string; status: string; version: number }>(
      'select id, status, version from agreement order by id',
    );
    return rows;
  }

  it('before any agreement: every caller sees open data and its own records, by GET, list and feed alike', async () => {
    await expectVisibility(BEFORE_AGREEMENTS);
  });

  it('never confirms a hidden record exists: not by its 404, not by an ETag guess, not by filtering a list on its ente', async () => {
    const headers = headersOf(BAGHERIA);
    const guess = await t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/records/${FA_PALERMO}`,
      headers: { ...headers, 'if-none-match': '"1"' },
    });
    expect(guess.statusCode).toBe(404);
    expect(guess.json()).toMatchObject({ code: 'record-not-found' });

    const filtered = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/records/pratica?ente=082053`, headers });
    expect(filtered.json()).toEqual({ items: [], next: null });
    const feed = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/feed?types=pratica,fascicolo`, headers });
    expect(feed.json<{ items: { ente: string }[] }>().items.map((i) => i.ente)).toEqual(['082006', '082006']);
  });

  it('gives the metropolitan operator no read right of its own: without records:read it reads nothing at all', async () => {
    const headers = t.as('082000', ['operator']);
    for (const url of [`${PROVA_BASE}/records/${AV_PALERMO}`, `${PROVA_BASE}/records/avviso`, `${PROVA_BASE}/feed`]) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect({ url, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({
        url,
        status: 403,
        code: 'insufficient-scope',
      });
    }
  });

  it('opens riservato and personale records through active agreements of this theme: one-publisher ones to that publisher, metro-wide ones to its province only', async () => {
    await t.publishAgreements(...Object.values(AGREEMENTS));
    // The other theme's agreement is not even kept; the requested one, the personale one without a
    // purpose and the metro-wide one of a comune are kept but open nothing.
    expect((await agreementRows()).map((a) => a.id)).toEqual(
      [
        'acc-bagheria-fascicolo',
        'acc-bagheria-pratica',
        'acc-messina-metro',
        'acc-messina-metro-di-un-comune',
        'acc-messina-richiesto',
        'acc-messina-senza-finalita',
        'acc-monreale-fascicolo',
        'acc-monreale-pratica',
      ].sort(),
    );
    await expectVisibility(WITH_AGREEMENTS);
  });

  it('closes them again when a newer version suspends or revokes the agreement', async () => {
    await t.publishAgreements(
      { ...AGREEMENTS.bagheriaFascicolo, status: 'suspended', version: 2, changedAt: new Date().toISOString() },
      { ...AGREEMENTS.monrealePratica, status: 'revoked', version: 2, changedAt: new Date().toISOString() },
    );
    await expectVisibility(AFTER_WITHDRAWAL);
  });

  it('ignores an older version that arrives afterwards, however recent its changedAt', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    await t.publishAgreements(
      { ...AGREEMENTS.bagheriaFascicolo, status: 'active', version: 1, changedAt: later },
      { ...AGREEMENTS.monrealePratica, status: 'active', version: 1, changedAt: later },
    );
    const rows = await agreementRows();
    expect(rows.filter((a) => a.id === 'acc-bagheria-fascicolo' || a.id === 'acc-monreale-pratica')).toEqual([
      { id: 'acc-bagheria-fascicolo', status: 'suspended', version: 2 },
      { id: 'acc-monreale-pratica', status: 'revoked', version: 2 },
    ]);
    await expectVisibility(AFTER_WITHDRAWAL, [BAGHERIA, MONREALE]);
  });

  it('opens them once more when a newer version reactivates a suspended agreement', async () => {
    await t.publishAgreements({
      ...AGREEMENTS.bagheriaFascicolo,
      status: 'active',
      version: 3,
      changedAt: new Date().toISOString(),
    });
    await expectVisibility(WITH_AGREEMENTS, [BAGHERIA]);
  });
});
