import { themeClient } from '@interscambio/client';
import type { Tributi } from '@interscambio/client';
import { FeedNotifier } from '@interscambio/exchange';
import type { FeedPage } from '@interscambio/exchange';
import { eventually, forSuite } from '@interscambio/testing';
import { startTributi } from '../test/tributi-test-app';

type Versamento = Tributi.components['schemas']['VersamentoV1'];

const versamento = (n: number): Versamento => ({
  posizione: `IMU-2024-${n}`,
  importo: 100 + n,
  dataPagamento: '2024-06-14',
  canale: 'pagopa',
  identificativo: `IUR-${n}`,
});

describe('reading changes: the feed, its long-poll and the paged record list', () => {
  const t = forSuite(() => startTributi('tributi_feed'));
  let base: string;
  // The typed client an integrator would use (@interscambio/client), so its types meet the real service.
  let tributi: ReturnType<typeof themeClient<'tributi'>>;

  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    tributi = themeClient('tributi', { baseUrl: base });
    // versamento is riservato: the reader, the Città Metropolitana, holds a metro-wide agreement, as
    // the registry's topic would have delivered it, so it sees both comuni's changes.
    await t.sql.query(
      `insert into agreement (id, consumer, scope, publisher, type, purpose, status, version, changed_at)
       values ('a-1', '082000', 'metro', '082000', 'versamento', null, 'active', 1, now())`,
    );
  });

  const reader = (): Record<string, string> => t.as('082000', ['records:read']);

  const put = (ente: string, key: string, body: Versamento): Promise<Response> =>
    tributi
      .PUT('/records/versamento/{ente}/{key}', { params: { path: { ente, key } }, body, headers: t.as(ente) })
      .then((r) => r.response);

  type FeedQuery = { types?: string; limit?: number; wait?: number };
  async function readFeed(after: string | undefined, query: FeedQuery): Promise<FeedPage> {
    const { data, response } = await tributi.GET('/feed', {
      params: { query: { ...(after ? { after } : {}), ...query } },
      headers: reader(),
    });
    expect(response.status).toBe(200);
    return data as FeedPage;
  }

  it('returns every change once, in commit order, across pages', async () => {
    const writes = Array.from({ length: 60 }, (_, n) => ({
      ente: n % 2 ? '082053' : '082006',
      key: `V-${n}`,
      body: versamento(n),
    }));
    const statuses = await Promise.all(writes.map((w) => put(w.ente, w.key, w.body).then((r) => r.status)));
    expect(statuses.every((s) => s === 201)).toBe(true);
    await put('082006', 'V-0', versamento(1000));

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await readFeed(after, { limit: 7, types: 'versamento' });
      if (page.items.length === 0) break;
      seen.push(...page.items.map((i) => `${i.ente}/${i.key}@${i.revision}`));
      after = page.next;
    }
    // 60 creations and one more change of V-0: 61 changes, V-0's second one last.
    expect(seen).toHaveLength(61);
    expect(new Set(seen).size).toBe(61);
    expect(seen).toContain('082006/V-0@1');
    expect(seen.at(-1)).toBe('082006/V-0@2');
  });

  it('shows a record changed twice and deleted between two reads three times, at each revision', async () => {
    const { next } = await readFeed(undefined, { limit: 1000 });
    expect((await put('082006', 'TWICE', versamento(1))).status).toBe(201);
    expect((await put('082006', 'TWICE', versamento(2))).status).toBe(200);
    const removed = await tributi.DELETE('/records/versamento/{ente}/{key}', {
      params: { path: { ente: '082006', key: 'TWICE' } },
      headers: t.as('082006'),
    });
    expect(removed.response.status).toBe(204);

    const first = await readFeed(next, { limit: 2, types: 'versamento' });
    const rest = await readFeed(first.next, { limit: 2, types: 'versamento' });
    const changes = [...first.items, ...rest.items].map((i) => [i.key, i.revision, i.operation, i.data]);
    expect(changes).toEqual([
      ['TWICE', 1, 'created', versamento(1)],
      ['TWICE', 2, 'updated', versamento(2)],
      ['TWICE', 3, 'deleted', null],
    ]);
  });

  it('shows each record of a batch as one change, and a record in two batches twice', async () => {
    const { next } = await readFeed(undefined, { limit: 1000 });
    const batch = (n: number): Promise<Response> =>
      tributi
        .POST('/records/versamento/batch', {
          body: { items: ['B-1', 'B-2'].map((key, i) => ({ ente: '082006', key, data: versamento(n + i) })) },
          headers: t.as('082006'),
        })
        .then((r) => r.response);
    expect((await batch(10)).status).toBe(200);
    expect((await batch(20)).status).toBe(200);

    const page = await readFeed(next, { limit: 1000 });
    expect(page.items.map((i) => `${i.key}@${i.revision}:${i.operation}`)).toEqual([
      'B-1@1:created',
      'B-2@1:created',
      'B-1@2:updated',
      'B-2@2:updated',
    ]);
  });

  it('never lets a reader following the feed during concurrent writes skip a change', async () => {
    const keys = Array.from({ length: 80 }, (_, n) => `TAIL-${n}`);
    const { next: start } = await readFeed(undefined, { limit: 1000 });
    let writing = true;
    const writers = Promise.all(keys.map((k, n) => put('082053', k, versamento(n)))).finally(() => (writing = false));
    const seen = new Set<string>();
    let after = start;
    for (let drained = false; !drained;) {
      const stillWriting = writing;
      const page = await readFeed(after, { limit: 5 });
      page.items.forEach((i) => seen.add(i.key));
      after = page.next;
      drained = !stillWriting && page.items.length === 0;
    }
    await writers;
    expect([...seen].sort()).toEqual([...keys].sort());
  });

  it('holds a long-poll open and answers it with the change as soon as one commits', async () => {
    const { next } = await readFeed(undefined, { limit: 1000 });
    const notifier = t.app.get(FeedNotifier);
    const polling = readFeed(next, { wait: 25 });
    // The change must commit while the long-poll waits, not before the poll reads.
    await eventually(async () => (notifier.waiting > 0 ? true : undefined));
    expect((await put('082053', 'LATE-1', versamento(7))).status).toBe(201);
    const page = await polling;
    expect(page.items.map((i) => [i.key, i.operation])).toEqual([['LATE-1', 'created']]);
  });

  it('answers a long-poll with an empty page and the same cursor when nothing changes', async () => {
    const { next } = await readFeed(undefined, { limit: 1000 });
    const page = await readFeed(next, { wait: 1 });
    expect(page).toEqual({ items: [], next });
  });

  it('pages the record list with an opaque cursor, by ente, leaving deleted records out', async () => {
    await tributi.DELETE('/records/versamento/{ente}/{key}', {
      params: { path: { ente: '082053', key: 'V-1' } },
      headers: t.as('082053'),
    });
    const keys: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const { data: page } = await tributi.GET('/records/versamento', {
        params: { query: { ente: '082053', limit: 10, ...(cursor ? { cursor } : {}) } },
        headers: reader(),
      });
      keys.push(...(page?.items ?? []).map((i) => i.key));
      if (!page?.next) break;
      cursor = page.next;
    }
    // Of 082053: the 30 odd V-n but the deleted V-1, the 80 TAIL-n and LATE-1, each once.
    expect(keys).toHaveLength(29 + 80 + 1);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('V-1');
    expect(keys.filter((k) => k.startsWith('V-')).every((k) => Number(k.slice(2)) % 2 === 1)).toBe(true);
  });

  it('refuses a cursor it did not issue and a limit over 1000 with 400', async () => {
    const headers = reader();
    expect((await fetch(`${base}/tributi/v1/records/versamento?cursor=bm9wZQ`, { headers })).status).toBe(400);
    expect((await fetch(`${base}/tributi/v1/records/versamento?limit=1001`, { headers })).status).toBe(400);
    expect((await fetch(`${base}/tributi/v1/feed?wait=31`, { headers })).status).toBe(400);
  });
});
