import { ConfigError } from '@interscambio/config';
import { loadConsoleConfig } from './console.config';

const base = { DATABASE_URL: 'postgres://localhost/x', KAFKA_BROKERS: 'localhost:9092' };

describe('the console configuration', () => {
  it('reads the services to watch, their schemas (their name with _ unless told) and keeps cookies Secure by default', () => {
    const config = loadConsoleConfig({
      ...base,
      CONSOLE_SERVICES: 'edilizia-catasto=http://10.0.0.5:8080/,prova=http://127.0.0.1:4000',
      CONSOLE_SCHEMAS: 'prova=test_schema_1',
    });
    expect(config.services).toEqual([
      { name: 'edilizia-catasto', baseUrl: 'http://10.0.0.5:8080/edilizia-catasto/v1', schema: 'edilizia_catasto' },
      { name: 'prova', baseUrl: 'http://127.0.0.1:4000/prova/v1', schema: 'test_schema_1' },
    ]);
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(3300);
  });

  it("reads the operators' accounts in the registry's schema: CONSOLE_REGISTRY_SCHEMA, else the watched registry's, else `registry`", () => {
    expect(loadConsoleConfig(base).registrySchema).toBe('registry');
    expect(
      loadConsoleConfig({ ...base, CONSOLE_SERVICES: 'registry=http://r:8080', CONSOLE_SCHEMAS: 'registry=reg_1' })
        .registrySchema,
    ).toBe('reg_1');
    expect(loadConsoleConfig({ ...base, CONSOLE_REGISTRY_SCHEMA: 'registro' }).registrySchema).toBe('registro');
    expect(() => loadConsoleConfig({ ...base, CONSOLE_REGISTRY_SCHEMA: 'Registro;' })).toThrow(
      /CONSOLE_REGISTRY_SCHEMA/,
    );
  });

  it('stops start-up naming the variable when an entry is malformed', () => {
    expect(() => loadConsoleConfig({ ...base, CONSOLE_SERVICES: 'tributi=ftp://x' })).toThrow(ConfigError);
    expect(() => loadConsoleConfig({ ...base, CONSOLE_SERVICES: 'tributi=ftp://x' })).toThrow(/CONSOLE_SERVICES/);
    expect(() => loadConsoleConfig({ ...base, CONSOLE_SECURE_COOKIES: 'maybe' })).toThrow(/CONSOLE_SECURE_COOKIES/);
  });
});
