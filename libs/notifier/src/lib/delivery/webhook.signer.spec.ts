import { Webhook } from 'standardwebhooks';
import { webhookHeaders } from './webhook.signer';

const OLD = `whsec_${Buffer.alloc(24, 1).toString('base64')}`;
const NEW = `whsec_${Buffer.alloc(24, 2).toString('base64')}`;
const OTHER = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;

describe('webhookHeaders', () => {
  const body = JSON.stringify({ specversion: '1.0', id: 'e-1' });

  it('signs so that a Standard Webhooks receiver verifies', () => {
    const headers = webhookHeaders('msg-1', body, { secret: NEW, previous: null });
    expect(new Webhook(NEW).verify(body, headers)).toEqual({ specversion: '1.0', id: 'e-1' });
    expect(() => new Webhook(OTHER).verify(body, headers)).toThrow();
  });

  it('during a rotation’s grace period, verifies with the old secret and with the new', () => {
    const headers = webhookHeaders('msg-2', body, { secret: NEW, previous: OLD });
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(OLD).verify(body, headers)).toBeTruthy();
    expect(new Webhook(NEW).verify(body, headers)).toBeTruthy();
  });

  it('does not verify a changed body', () => {
    const headers = webhookHeaders('msg-3', body, { secret: NEW, previous: null });
    expect(() => new Webhook(NEW).verify(body.replace('e-1', 'e-2'), headers)).toThrow();
  });
});
