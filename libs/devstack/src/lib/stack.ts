import { ensureKafka, kafkaStatus, stopKafka } from './kafka/kafka.ts';
import { silenceKafkajsTimeoutWarning } from './kafka/probe.ts';
import { ensurePostgres, postgresStatus, stopPostgres } from './postgres/postgres.ts';
import { ensureDatabase } from './postgres/server.ts';
import type { Log, ProvidedService, StackLocation } from './service.ts';

export interface Stack {
  postgres: ProvidedService;
  kafka: ProvidedService;
  /** The database the services use (created when missing). */
  databaseUrl: string;
}

/** Brings up (or reuses) PostgreSQL and Kafka, then makes sure `database` exists. */
export async function ensureStack(opts: StackLocation & { log: Log; database: string }): Promise<Stack> {
  silenceKafkajsTimeoutWarning();
  // Both start in parallel: the Kafka JVM is the slow one, PostgreSQL is ready long before.
  const [postgres, kafka] = await Promise.all([ensurePostgres(opts), ensureKafka(opts)]);
  const databaseUrl = await ensureDatabase(postgres.url, opts.database);
  return { postgres, kafka, databaseUrl };
}

export async function stopStack(opts: StackLocation & { log: Log }): Promise<{ kafka: boolean; postgres: boolean }> {
  const kafka = await stopKafka(opts);
  const postgres = await stopPostgres(opts);
  return { kafka, postgres };
}

export async function stackStatus(opts: StackLocation): Promise<(ProvidedService | null)[]> {
  return Promise.all([postgresStatus(opts), kafkaStatus(opts)]);
}
