import { apiServiceConfig } from './api-service.config';

describe('an API service configuration', () => {
  it('reads the database, Kafka, listening and public URL settings with their defaults', () => {
    const env = { DATABASE_URL: 'postgresql://db/x', KAFKA_BROKERS: 'localhost:9092' };
    expect(apiServiceConfig(env, { schema: 'notifier', port: 3200 })).toEqual({
      databaseUrl: 'postgresql://db/x',
      databaseSchema: 'notifier',
      databasePoolSize: 10,
      kafkaBrokers: ['localhost:9092'],
      topicPrefix: 'interscambio',
      host: '0.0.0.0',
      port: 3200,
      trustedProxies: ['loopback'],
      publicUrl: 'https://interscambio.cittametropolitana.pa.it',
      sandboxUrl: 'http://localhost:8080',
    });
  });

  it('reads the database first: with everything missing, DATABASE_URL is the one named', () => {
    expect(() => apiServiceConfig({ PUBLIC_URL: 'x' }, { schema: 'notifier', port: 3200 })).toThrow(/DATABASE_URL/);
  });
});
