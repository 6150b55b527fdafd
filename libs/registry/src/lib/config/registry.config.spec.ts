import { inspect } from 'node:util';
import { ConfigError } from '@interscambio/config';
import { loadRegistryConfig } from './registry.config';

const base = {
  DATABASE_URL: 'postgres://db/interscambio',
  KAFKA_BROKERS: 'localhost:9092',
  REGISTRY_KEY_SECRET: 'a-secret-of-at-least-thirty-two-characters',
};

describe('registry configuration', () => {
  it('defaults the schema, port, issuer, token lifetime and rate limit', () => {
    expect(loadRegistryConfig(base)).toMatchObject({
      databaseSchema: 'registry',
      port: 3100,
      trustedProxies: ['loopback'],
      tokenIssuer: 'urn:interscambio:registry',
      tokenTtlSeconds: 600,
      rateLimitPerMinute: 1200,
    });
  });

  it('never shows the key secret when the configuration is logged or serialised', () => {
    const config = loadRegistryConfig(base);
    expect(config.keySecret.reveal()).toBe(base.REGISTRY_KEY_SECRET);
    expect(JSON.stringify(config)).not.toContain(base.REGISTRY_KEY_SECRET);
    expect(inspect(config)).not.toContain(base.REGISTRY_KEY_SECRET);
    expect(`${config.keySecret}`).toBe('[redacted]');
  });

  it.each([
    [{ REGISTRY_KEY_SECRET: undefined }, 'REGISTRY_KEY_SECRET'],
    [{ REGISTRY_KEY_SECRET: 'too-short' }, 'REGISTRY_KEY_SECRET'],
    [{ TOKEN_TTL_SECONDS: '601' }, 'TOKEN_TTL_SECONDS'],
    [{ TOKEN_TTL_SECONDS: 'ten' }, 'TOKEN_TTL_SECONDS'],
    [{ TOKEN_ISSUER: 'not a uri' }, 'TOKEN_ISSUER'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ DATABASE_URL: undefined }, 'DATABASE_URL'],
    [{ KAFKA_BROKERS: 'nohost' }, 'KAFKA_BROKERS'],
  ])('stops with a ConfigError naming the variable (%#)', (change, name) => {
    const read = (): unknown => loadRegistryConfig({ ...base, ...change });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('does not repeat a rejected key secret in its message', () => {
    expect(() => loadRegistryConfig({ ...base, REGISTRY_KEY_SECRET: 'short-secret-value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('short-secret-value') }),
    );
  });
});
