import type { CloudEvent } from '@interscambio/messaging';
import { agreementsProjection, revocationsProjection } from './state-projection';
import type { StateProjection } from './state-projection';

const agreement = {
  id: 'a1',
  consumer: '082053',
  scope: 'ente',
  publisher: '082001',
  theme: 'tributi',
  type: 'posizione-debitoria',
  purpose: 'Riscossione',
  fields: ['/importo'],
  status: 'active',
  version: 3,
  changedAt: '2026-01-15T09:30:00Z',
};

const event = (key: string, data: unknown): CloudEvent => ({ key, data }) as CloudEvent;

async function statementsOf(projection: StateProjection, e: CloudEvent): Promise<{ sql: string; values: unknown[] }[]> {
  const run: { sql: string; values: unknown[] }[] = [];
  await projection.project(e, async (sql, values) => {
    run.push({ sql, values });
  });
  return run;
}

describe('registry state projections', () => {
  it('names the topic, its compaction and the consumer group', () => {
    const projection = revocationsProjection('test', { name: 'revocation', placeholders: '$n' });
    expect(projection).toMatchObject({
      name: 'revocations',
      topic: 'test.registry.revocations',
      topicConfig: { 'cleanup.policy': 'compact' },
    });
  });

  it("keeps every theme's agreements, theme included, unless the table has an equal or newer version", async () => {
    const projection = agreementsProjection('test', { name: 'agreement', placeholders: '$n' });
    expect(await statementsOf(projection, event('a1', agreement))).toEqual([
      {
        sql:
          'insert into agreement as t ' +
          '(id, consumer, scope, publisher, theme, type, purpose, fields, status, version, changed_at) ' +
          'values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11) on conflict (id) do update set ' +
          'consumer = excluded.consumer, scope = excluded.scope, publisher = excluded.publisher, theme = excluded.theme, ' +
          'type = excluded.type, purpose = excluded.purpose, fields = excluded.fields, status = excluded.status, ' +
          'version = excluded.version, changed_at = excluded.changed_at where t.version < excluded.version',
        values: [
          'a1',
          '082053',
          'ente',
          '082001',
          'tributi',
          'posizione-debitoria',
          'Riscossione',
          '["/importo"]',
          'active',
          3,
          '2026-01-15T09:30:00Z',
        ],
      },
    ]);
  });

  it("keeps a theme service to its own theme's agreements, in a table without a theme column", async () => {
    const projection = agreementsProjection('test', { name: 'tributi.agreement', placeholders: '?' }, 'tributi');
    const [written] = await statementsOf(projection, event('a1', agreement));
    expect(written?.sql).toMatch(/^insert into tributi\.agreement as t \(id, consumer, scope, publisher, type, /);
    expect(written?.sql).toContain('values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)');
    expect(await statementsOf(projection, event('a2', { ...agreement, id: 'a2', theme: 'sociale' }))).toEqual([]);
  });

  it("deletes a tombstone's item by the topic's key", async () => {
    const projection = revocationsProjection('test', { name: 'revocation', placeholders: '$n' });
    expect(await statementsOf(projection, event('client:c1', null))).toEqual([
      { sql: "delete from revocation where kind || ':' || subject = $1", values: ['client:c1'] },
    ]);
  });

  it('refuses an event whose data is not a state, naming what is wrong', async () => {
    const projection = revocationsProjection('test', { name: 'revocation', placeholders: '$n' });
    await expect(statementsOf(projection, event('client:c1', 'revoked'))).rejects.toThrow(
      'The revocation event has no object as data.',
    );
  });
});
