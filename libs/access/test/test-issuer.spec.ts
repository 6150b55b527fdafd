import { JwksClient } from '../src/lib/tokens/key-source';
import { TokenVerifier } from '../src/lib/tokens/token.verifier';
import { refusal } from './token-forge';
import { TestIssuer } from './test-issuer';

describe('TestIssuer', () => {
  let issuer: TestIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    verifier = new TokenVerifier({
      keys: new JwksClient({ url: issuer.jwksUrl }),
      issuer: issuer.issuer,
      audience: 'tributi',
    });
  });

  afterAll(() => issuer.stop());

  it('issues tokens that TokenVerifier accepts through the JWKS it serves over HTTP', async () => {
    const token = issuer.token({
      ente: '082053',
      scopes: ['records:read', 'records:write'],
      audience: ['tributi', 'sociale'],
      rateLimit: 60,
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({
      clientId: 'test-082053',
      ente: '082053',
      scopes: new Set(['records:read', 'records:write']),
      audience: ['tributi', 'sociale'],
      rateLimit: 60,
    });
    expect(issuer.issuer).toBe('urn:interscambio:registry');
    expect(issuer.jwksUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('uses the client id it is given', async () => {
    const token = issuer.token({ ente: '082053', scopes: [], audience: 'tributi', clientId: 'gestionale-tributi' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ clientId: 'gestionale-tributi', scopes: new Set() });
  });

  it.each([
    ['a foreign signer', {}, { signer: 'foreign' as const }, 'bad-signature'],
    ['alg none', {}, { alg: 'none' as const }, 'algorithm-not-allowed'],
    ['typ JWT', {}, { typ: 'JWT' }, 'wrong-type'],
    ['no kid', {}, { omitKid: true }, 'malformed'],
    ['a negative lifetime', { expiresInSeconds: -60 }, {}, 'expired'],
    ['a lifetime over the limit', { expiresInSeconds: 3600 }, {}, 'lifetime-too-long'],
    ['another issuer', { issuer: 'urn:elsewhere' }, {}, 'wrong-issuer'],
    ['another audience', { audience: 'registry' }, {}, 'wrong-audience'],
  ])('issues tokens with %s that are refused for that reason', async (_, claims, options, reason) => {
    const token = issuer.token({ ente: '082053', scopes: ['records:read'], audience: 'tributi', ...claims }, options);
    expect((await refusal(() => verifier.verify(token), token)).reason).toBe(reason);
  });

  it('takes the issuer name it is started with', async () => {
    const other = await TestIssuer.start({ issuer: 'urn:interscambio:test' });
    try {
      expect(other.issuer).toBe('urn:interscambio:test');
      expect(other.jwksUrl).not.toBe(issuer.jwksUrl);
    } finally {
      await other.stop();
    }
  });
});
