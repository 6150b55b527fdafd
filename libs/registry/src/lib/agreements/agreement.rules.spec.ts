import type { Caller } from '@interscambio/access';
import { actionsFrom, nextStatus, refusalOf } from './agreement.rules';
import type { AgreementParties } from './agreement.rules';

const caller = (ente: string, ...scopes: string[]): Caller => ({
  clientId: `c-${ente}`,
  ente,
  scopes: new Set(scopes),
});
const oneEnte: AgreementParties = { consumer: '082006', scope: 'ente', publisher: '082053' };
const metro: AgreementParties = { consumer: '082049', scope: 'metro', publisher: '082000' };

describe('agreement transitions', () => {
  it.each([
    ['requested', 'approve', 'active'],
    ['requested', 'reject', 'rejected'],
    ['active', 'suspend', 'suspended'],
    ['suspended', 'resume', 'active'],
    ['requested', 'revoke', 'revoked'],
    ['active', 'revoke', 'revoked'],
    ['suspended', 'revoke', 'revoked'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ['active', 'approve'],
    ['suspended', 'suspend'],
    ['active', 'resume'],
    ['revoked', 'revoke'],
    ['rejected', 'approve'],
    ['revoked', 'resume'],
  ] as const)('%s cannot %s', (from, action) => {
    expect(nextStatus(from, action)).toBeUndefined();
  });

  it('lists what can happen next, and nothing once revoked or rejected', () => {
    expect(actionsFrom('requested')).toEqual(['approve', 'reject', 'revoke']);
    expect(actionsFrom('active')).toEqual(['suspend', 'revoke']);
    expect(actionsFrom('revoked')).toEqual([]);
    expect(actionsFrom('rejected')).toEqual([]);
  });
});

describe('who may change an agreement', () => {
  it('lets the publisher (records:write) and any operator decide a one-publisher agreement', () => {
    expect(refusalOf(caller('082053', 'records:write'), oneEnte, 'approve')).toBeUndefined();
    expect(refusalOf(caller('082000', 'operator'), oneEnte, 'suspend')).toBeUndefined();
  });

  it('refuses the publisher without records:write, naming who may', () => {
    expect(refusalOf(caller('082053', 'records:read'), oneEnte, 'approve')?.en).toMatch(
      /^Only a client of the publisher 082053 with scope records:write, or an operator may approve/,
    );
  });

  it('lets only operators decide a metro-wide agreement, not even the città metropolitana with records:write', () => {
    expect(refusalOf(caller('082000', 'operator'), metro, 'approve')).toBeUndefined();
    expect(refusalOf(caller('082000', 'records:write'), metro, 'approve')?.en).toMatch(/operators only/);
  });

  it('lets the consumer withdraw (revoke) its own agreement, and nothing else', () => {
    expect(refusalOf(caller('082006', 'records:read'), oneEnte, 'revoke')).toBeUndefined();
    expect(refusalOf(caller('082049', 'records:read'), metro, 'revoke')).toBeUndefined();
    expect(refusalOf(caller('082006', 'records:read', 'records:write'), oneEnte, 'approve')?.en).toMatch(/may approve/);
  });

  it('refuses everybody else, admin included, saying which client and scopes asked', () => {
    expect(refusalOf(caller('083048', 'records:write'), oneEnte, 'revoke')?.it).toBe(
      'Solo un client del publisher 082053 con scope records:write, o un operatore, o un client del consumer 082006 che ritira il proprio può fare revoke su questo accordo; il client "c-083048" agisce per l\'ente 083048 con records:write.',
    );
    expect(refusalOf(caller('083048', 'records:write'), oneEnte, 'revoke')?.en).toBe(
      'Only a client of the publisher 082053 with scope records:write, or an operator, or a client of the consumer 082006 withdrawing its own may revoke this agreement; client "c-083048" acts for ente 083048 with records:write.',
    );
    expect(refusalOf(caller('082000', 'admin'), oneEnte, 'approve')?.en).toMatch(
      /client "c-082000" acts for ente 082000 with admin/,
    );
  });
});
