import { statementTrigger } from './statement-trigger';

describe('a statement-level trigger', () => {
  it('runs its function once per statement on the table, at the events given', () => {
    expect(statementTrigger('record_feed_notify', 'after insert or update', 'record', 'notify_record_feed')).toBe(
      `create trigger "record_feed_notify" after insert or update on "record"
      for each statement execute function "notify_record_feed"()`,
    );
  });
});
