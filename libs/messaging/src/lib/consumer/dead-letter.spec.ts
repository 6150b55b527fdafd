import { InvalidCloudEventError } from '../messaging.errors';
import { deadLetterMessage, deadLetterTopic } from './dead-letter';

describe('dead letters', () => {
  const message = {
    topic: 'interscambio.tributi.iuv',
    partition: 1,
    offset: '7',
    key: '082053/k',
    value: Buffer.from('{"a":1}'),
    headers: { ce_id: 'e-1' },
  };

  it('go to <topic>.dlq', () => {
    expect(deadLetterTopic('interscambio.tributi.iuv')).toBe('interscambio.tributi.iuv.dlq');
  });

  it('keep key, value and headers of the original and add why, when and where it failed', () => {
    const failedAt = new Date('2026-11-24T10:00:00.000Z');
    const dead = deadLetterMessage(
      {
        message,
        error: new InvalidCloudEventError('header ce_type is missing'),
        attempts: 1,
        consumerGroup: 'notifier',
      },
      failedAt,
    );
    expect(dead).toEqual({
      key: '082053/k',
      value: message.value,
      headers: {
        ce_id: 'e-1',
        'interscambio-error': 'Not a valid CloudEvent: header ce_type is missing',
        'interscambio-error-class': 'InvalidCloudEventError',
        'interscambio-error-code': 'cloudevent-invalid',
        'interscambio-attempts': '1',
        'interscambio-failed-at': '2026-11-24T10:00:00.000Z',
        'interscambio-consumer-group': 'notifier',
        'interscambio-original-partition': '1',
        'interscambio-original-offset': '7',
      },
    });
  });

  it('describe a thrown non-Error too', () => {
    const dead = deadLetterMessage({ message, error: 'boom', attempts: 5, consumerGroup: 'g' });
    expect(dead.headers).toMatchObject({
      'interscambio-error': 'boom',
      'interscambio-error-class': 'string',
      'interscambio-attempts': '5',
    });
  });
});
