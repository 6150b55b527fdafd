import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openOrm } from '@interscambio/persistence';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { messagingMigrations } from './migrations';
import { ProcessedEvent } from './processed-event.entity';

describe('processed_event table', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await testDatabase('messaging');
    orm = await openOrm({
      url: db.url,
      schema: db.schema,
      entities: [ProcessedEvent],
      migrations: messagingMigrations,
    });
    await migrate(orm);
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('records an event id once per consumer group and rejects a second record of it', async () => {
    const em = orm.em.fork();
    em.create(ProcessedEvent, { consumerGroup: 'tributi', eventId: 'evt-1', topic: 't' });
    await em.flush();

    const again = orm.em.fork();
    again.create(ProcessedEvent, { consumerGroup: 'tributi', eventId: 'evt-1', topic: 't' });
    await expect(again.flush()).rejects.toThrow(/duplicate key|unique/i);

    const other = orm.em.fork();
    other.create(ProcessedEvent, { consumerGroup: 'notifier', eventId: 'evt-1', topic: 't' });
    await other.flush();
    expect(await orm.em.fork().count(ProcessedEvent, { eventId: 'evt-1' })).toBe(2);
  });
});
