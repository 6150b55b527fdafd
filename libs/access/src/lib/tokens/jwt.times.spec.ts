import { refusal } from '../../../test/token-forge';
import { checkTimes } from './jwt.times';

const now = Date.parse('2026-12-01T10:05:12Z') / 1000;
const options = { now, toleranceSeconds: 30, maxLifetimeSeconds: 600, requireIat: true };

describe('checkTimes', () => {
  it('accepts a token inside its lifetime, and one expired by less than the tolerance', () => {
    expect(() => checkTimes({ iat: now - 60, exp: now + 240 }, options)).not.toThrow();
    expect(() => checkTimes({ iat: now - 300, exp: now - 29 }, options)).not.toThrow();
  });

  it.each([
    ['no exp', { iat: now }, 'missing-claim', 'The token has no "exp" claim: every token must say when it expires.'],
    [
      'exp passed',
      { iat: now - 600, exp: now - 312 },
      'expired',
      'The token expired at 2026-12-01T10:00:00Z, 312 s ago.',
    ],
    [
      'exp passed by the tolerance exactly',
      { iat: now - 300, exp: now - 30 },
      'expired',
      'The token expired at 2026-12-01T10:04:42Z, 30 s ago.',
    ],
    [
      'nbf ahead',
      { iat: now, nbf: now + 120, exp: now + 300 },
      'not-yet-valid',
      'The token is not valid before 2026-12-01T10:07:12Z, 120 s from now.',
    ],
    [
      'no iat when required',
      { exp: now + 300 },
      'missing-claim',
      'The token has no "iat" claim: it must say when it was issued.',
    ],
    [
      'iat ahead',
      { iat: now + 90, exp: now + 300 },
      'issued-in-future',
      /issued at 2026-12-01T10:06:42Z, 90 s in the future\. The issuer's clock or this server's is off by more than the 30 s tolerated\./,
    ],
    [
      'exp − iat over the maximum',
      { iat: now, exp: now + 601 },
      'lifetime-too-long',
      'The token lives 601 s from iat to exp; the limit is 600 s.',
    ],
  ])('refuses a token with %s', async (_, claims, reason, message) => {
    const error = await refusal(() => checkTimes(claims, options));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it('forgives nbf and iat ahead by less than the tolerance (clock skew)', () => {
    expect(() => checkTimes({ iat: now + 20, nbf: now + 20, exp: now + 300 }, options)).not.toThrow();
  });

  it('bounds the lifetime by exp alone when iat is optional and absent', async () => {
    const error = await refusal(() => checkTimes({ exp: now + 3600 }, { ...options, requireIat: false }));
    expect(error.reason).toBe('lifetime-too-long');
    expect(error.message).toBe('The token expires in 3600 s; no token may live more than 600 s.');
  });
});
