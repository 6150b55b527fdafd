import { ConfigError } from './config.error';
import { httpUrl } from './env';
import { databaseConfig, DEFAULT_PUBLIC_URL, kafkaConfig, listenConfig, publicUrlConfig } from './service.config';

describe('service configuration from the environment', () => {
  it('reads brokers as a trimmed list and defaults the topic prefix', () => {
    expect(kafkaConfig({ KAFKA_BROKERS: 'localhost:9092, k2:9093' })).toEqual({
      kafkaBrokers: ['localhost:9092', 'k2:9093'],
      topicPrefix: 'interscambio',
    });
  });

  it('names the public gateway (https by default) and the local sandbox for the API documents', () => {
    expect(publicUrlConfig({})).toEqual({ publicUrl: DEFAULT_PUBLIC_URL, sandboxUrl: 'http://localhost:8080' });
    expect(publicUrlConfig({ PUBLIC_URL: 'https://api.example.it', SANDBOX_URL: 'http://localhost:9090/' })).toEqual({
      publicUrl: 'https://api.example.it',
      sandboxUrl: 'http://localhost:9090',
    });
    expect(() => publicUrlConfig({ PUBLIC_URL: 'https://api.example.it/base' })).toThrow(/PUBLIC_URL/);
  });

  it('defaults the schema, the pool, the host and the port', () => {
    expect(databaseConfig({ DATABASE_URL: 'postgresql://db/x' }, 'registry')).toEqual({
      databaseUrl: 'postgresql://db/x',
      databaseSchema: 'registry',
      databasePoolSize: 10,
    });
    expect(listenConfig({}, 3100)).toEqual({ host: '0.0.0.0', port: 3100, trustedProxies: ['loopback'] });
  });

  it('reads the trusted proxies as addresses, ranges and proxy-addr keywords; none trusts nobody', () => {
    const read = (value: string) => listenConfig({ TRUSTED_PROXIES: value }, 1).trustedProxies;
    expect(read('10.42.0.0/16, 192.168.1.7,fd00::/8, loopback')).toEqual([
      '10.42.0.0/16',
      '192.168.1.7',
      'fd00::/8',
      'loopback',
    ]);
    expect(read('none')).toEqual([]);
  });

  it('drops the trailing slash of a URL and refuses what is not http(s)', () => {
    expect(httpUrl({ U: 'http://registry:3100/registry/v1/' }, 'U')).toBe('http://registry:3100/registry/v1');
    expect(() => httpUrl({ U: 'ftp://x' }, 'U')).toThrow(/U must be an http/);
  });

  it.each([
    [() => databaseConfig({}, 's'), 'DATABASE_URL'],
    [() => databaseConfig({ DATABASE_URL: 'mysql://x' }, 's'), 'DATABASE_URL'],
    [() => databaseConfig({ DATABASE_URL: 'postgres://x', DATABASE_POOL_SIZE: '0' }, 's'), 'DATABASE_POOL_SIZE'],
    [() => kafkaConfig({}), 'KAFKA_BROKERS'],
    [() => kafkaConfig({ KAFKA_BROKERS: 'localhost' }), 'KAFKA_BROKERS'],
    [() => kafkaConfig({ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PREFIX: 'a.b' }), 'KAFKA_TOPIC_PREFIX'],
    [() => listenConfig({ PORT: '70000' }, 1), 'PORT'],
    [() => listenConfig({ TRUSTED_PROXIES: '10.0.0.0/8, gateway' }, 1), 'TRUSTED_PROXIES'],
    [() => listenConfig({ TRUSTED_PROXIES: '10.0.0.0/33' }, 1), 'TRUSTED_PROXIES'],
    [() => listenConfig({ TRUSTED_PROXIES: '*' }, 1), 'TRUSTED_PROXIES'],
  ])('stops with a ConfigError naming the variable (%#: %s)', (read, name) => {
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(new RegExp(`\\b${name}\\b`));
  });
});
