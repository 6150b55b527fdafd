import { forSuite } from '@interscambio/testing';
import { messagingSchema } from '../../test/outbox-fixture';
import { ProcessedEvent } from './processed-event.entity';

describe('processed_event table', () => {
  const schema = forSuite(() => messagingSchema('messaging'));

  it('records an event id once per consumer group and rejects a second record of it', async () => {
    const em = schema.orm.em.fork();
    em.create(ProcessedEvent, { consumerGroup: 'tributi', eventId: 'evt-1', topic: 't' });
    await em.flush();

    const again = schema.orm.em.fork();
    again.create(ProcessedEvent, { consumerGroup: 'tributi', eventId: 'evt-1', topic: 't' });
    await expect(again.flush()).rejects.toThrow(/duplicate key|unique/i);

    const other = schema.orm.em.fork();
    other.create(ProcessedEvent, { consumerGroup: 'notifier', eventId: 'evt-1', topic: 't' });
    await other.flush();
    expect(await schema.orm.em.fork().count(ProcessedEvent, { eventId: 'evt-1' })).toBe(2);
  });
});
