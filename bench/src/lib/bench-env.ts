import { randomBytes } from 'node:crypto';

/** What bench/run.ts hands every benchmark process: the devstack's addresses. */
export interface BenchEnv {
  databaseUrl: string;
  kafkaBrokers: string[];
}

export function benchEnv(): BenchEnv {
  const databaseUrl = process.env['DATABASE_URL'];
  const brokers = process.env['KAFKA_BROKERS'];
  if (!databaseUrl || !brokers)
    throw new Error('DATABASE_URL and KAFKA_BROKERS must be set: run the benchmarks with `node bench/run.ts`');
  return { databaseUrl, kafkaBrokers: brokers.split(',') };
}

/** A name no earlier run used, valid as a PostgreSQL schema and as a Kafka topic. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
