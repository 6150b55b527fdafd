import { ConfigError } from '@interscambio/config';
import { loadExchangeConfig } from './exchange.config';

const defaults = { theme: 'lavori-pubblici', port: 3104 };
const env = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  KAFKA_BROKERS: 'localhost:9092, k2:9093',
  TOKEN_JWKS_URL: 'http://registry:3100/registry/v1/.well-known/jwks.json',
  RECEIPT_KEY_SECRET: 'a-secret-of-at-least-thirty-two-characters',
};

describe('exchange configuration', () => {
  it('applies the defaults: schema from the theme name, port from the theme', () => {
    expect(loadExchangeConfig(env, defaults)).toEqual({
      databaseUrl: env.DATABASE_URL,
      databaseSchema: 'lavori_pubblici',
      databasePoolSize: 10,
      kafkaBrokers: ['localhost:9092', 'k2:9093'],
      topicPrefix: 'interscambio',
      host: '0.0.0.0',
      port: 3104,
      trustedProxies: ['loopback'],
      jwksUrl: env.TOKEN_JWKS_URL,
      tokenIssuer: 'urn:interscambio:registry',
      tokenUrl: '/registry/v1/oauth/token',
      rateLimitPerMinute: 1200,
      receiptKeySecret: env.RECEIPT_KEY_SECRET,
      receiptRetiredKeySecrets: [],
      publicUrl: 'https://interscambio.cittametropolitana.pa.it',
      sandboxUrl: 'http://localhost:8080',
      historyRetentionDays: {},
      openDataLicences: {},
    });
  });

  it.each([
    [{ KAFKA_BROKERS: 'localhost:9092' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: env.DATABASE_URL }, 'KAFKA_BROKERS'],
    [{ ...env, KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ ...env, PORT: '70000' }, 'PORT'],
    [{ ...env, PORT: 'abc' }, 'PORT'],
    [{ ...env, DATABASE_SCHEMA: 'Bad-Name' }, 'DATABASE_SCHEMA'],
    [{ ...env, TOKEN_JWKS_URL: undefined }, 'TOKEN_JWKS_URL'],
    [{ ...env, TOKEN_JWKS_URL: 'registry:3100/jwks' }, 'TOKEN_JWKS_URL'],
    [{ ...env, HISTORY_RETENTION_DAYS: 'evento' }, 'HISTORY_RETENTION_DAYS'],
    [{ ...env, OPENDATA_LICENCES: '082053=' }, 'OPENDATA_LICENCES'],
    [{ ...env, RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ ...env, RECEIPT_KEY_SECRET: undefined }, 'RECEIPT_KEY_SECRET'],
    [{ ...env, RECEIPT_KEY_SECRET: 'too-short' }, 'RECEIPT_KEY_SECRET'],
    [{ ...env, RECEIPT_RETIRED_KEY_SECRETS: 'short,also-short' }, 'RECEIPT_RETIRED_KEY_SECRETS'],
  ])('stops on %j with a message naming %s', (vars, name) => {
    expect(() => loadExchangeConfig(vars, defaults)).toThrow(ConfigError);
    expect(() => loadExchangeConfig(vars, defaults)).toThrow(new RegExp(`\\b${name}\\b`));
  });
});
