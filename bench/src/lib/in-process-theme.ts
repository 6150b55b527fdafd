import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createThemeApp, loadExchangeConfig, migrateThemeSchema } from '@interscambio/exchange';
import type { ExchangeConfig } from '@interscambio/exchange';
import type { BenchEnv } from './bench-env';

/**
 * A theme service in the bench's own process, on a fresh schema and topic prefix, driven through
 * its providers rather than over HTTP: the exchange's own path without the theme's extra rules.
 */
export async function inProcessTheme(
  env: BenchEnv,
  theme: string,
  schema: string,
): Promise<{ app: NestFastifyApplication; config: ExchangeConfig }> {
  await migrateThemeSchema(env.databaseUrl, schema);
  const config = loadExchangeConfig(
    {
      DATABASE_URL: env.databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: schema,
      // Never called: the bench calls the providers, not the routes.
      TOKEN_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      RECEIPT_KEY_SECRET: randomBytes(32).toString('base64url'),
    },
    { theme, port: 0 },
  );
  const app = await createThemeApp({ theme, defaultPort: 0 }, config, { levels: ['error', 'warn'] });
  return { app, config };
}
