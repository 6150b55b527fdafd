import { recordTopicParts } from './event-index';

describe('record topics', () => {
  it('names theme and type of <prefix>.<theme>.<type>, and nothing else', () => {
    expect(recordTopicParts('interscambio.edilizia-catasto.permesso-costruire', 'interscambio')).toEqual({
      theme: 'edilizia-catasto',
      type: 'permesso-costruire',
    });
    expect(recordTopicParts('interscambio.tributi.posizione-debitoria.dlq', 'interscambio')).toBeUndefined();
    expect(recordTopicParts('altro.tributi.posizione-debitoria', 'interscambio')).toBeUndefined();
  });
});
