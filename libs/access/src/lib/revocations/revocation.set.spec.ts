import type { AccessToken } from '../tokens/access-token';
import { parseRevocationState } from './revocation.contract';
import { RevocationSet } from './revocation.set';

function token(clientId: string, ente: string, issuedAt: string): AccessToken {
  return {
    clientId,
    ente,
    scopes: new Set(['records:read']),
    audience: ['tributi'],
    issuedAt: new Date(issuedAt),
    expiresAt: new Date(Date.parse(issuedAt) + 600_000),
    jti: 'j',
  };
}

describe('the revocations a theme refuses', () => {
  const set = new RevocationSet();
  set.replace([
    { kind: 'client', subject: 'gestionale-082053', clientId: 'gestionale-082053', since: '2026-12-03T10:00:00.000Z' },
    { kind: 'ente', subject: '082006', clientId: null, since: '2026-12-03T10:00:00.000Z' },
    { kind: 'client-key', subject: 'app-082054/k1', clientId: 'app-082054', since: '2026-12-03T10:00:00.500Z' },
  ]);

  it('refuses every token of a revoked client, naming it', () => {
    expect(set.refusal(token('gestionale-082053', '082053', '2026-12-03T10:05:00Z'))).toMatch(/gestionale-082053/);
  });

  it('refuses every client of a disabled ente', () => {
    expect(set.refusal(token('any-082006', '082006', '2026-12-03T11:00:00Z'))).toMatch(/Ente 082006 was disabled/);
  });

  it('refuses a client’s tokens issued up to a key’s removal, that second included, and accepts later ones', () => {
    expect(set.refusal(token('app-082054', '082054', '2026-12-03T09:59:00Z'))).toMatch(/key of client "app-082054"/);
    expect(set.refusal(token('app-082054', '082054', '2026-12-03T10:00:00Z'))).toBeDefined();
    expect(set.refusal(token('app-082054', '082054', '2026-12-03T10:00:01Z'))).toBeUndefined();
  });

  it('accepts everybody else, and forgets what a new load no longer holds', () => {
    expect(set.refusal(token('other-082053', '082053', '2026-12-03T10:05:00Z'))).toBeUndefined();
    const lifted = new RevocationSet();
    lifted.replace([{ kind: 'ente', subject: '082006', clientId: null, since: '2026-12-03T10:00:00.000Z' }]);
    lifted.replace([]);
    expect(lifted.refusal(token('any-082006', '082006', '2026-12-03T11:00:00Z'))).toBeUndefined();
  });
});

describe('a revocation event’s data', () => {
  const sound = {
    kind: 'client',
    subject: 'c1',
    clientId: 'c1',
    revoked: true,
    since: '2026-12-03T10:00:00.000Z',
    version: 1764756000000,
  };

  it('is read whole when sound; an ente’s names no client', () => {
    expect(parseRevocationState(sound)).toEqual(sound);
    expect(parseRevocationState({ ...sound, kind: 'ente', subject: '082006', clientId: 'x' }).clientId).toBeNull();
  });

  it.each([
    [{ ...sound, kind: 'signing-key' }, 'an unknown kind'],
    [{ ...sound, kind: 'ente', subject: 'Palermo' }, 'not an ISTAT code'],
    [{ ...sound, clientId: null }, 'no client'],
    [{ ...sound, revoked: 'yes' }, 'no revoked flag'],
    [{ ...sound, since: 'ieri' }, 'no since'],
    [{ ...sound, version: 0 }, 'no version'],
    [null, 'no object'],
  ])('names what is wrong (%#: %s)', (data, reason) => {
    expect(() => parseRevocationState(data)).toThrow(reason);
  });
});
