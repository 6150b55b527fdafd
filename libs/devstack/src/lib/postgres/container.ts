// A throw-away PostgreSQL in a container, for machines with a Docker engine; it lives as long as
// the process that started it.
import { importOptional } from '../host/files.ts';
import type { Log, ProvidedService } from '../service.ts';
import { waitForSelect1 } from './server.ts';

export async function startContainer(log: Log, timeoutMs: number): Promise<ProvidedService> {
  // Typed loosely (the package is optional): the builder methods return the container itself.
  type Builder = {
    withDatabase(d: string): Builder;
    withUsername(u: string): Builder;
    withPassword(p: string): Builder;
    withStartupTimeout(ms: number): Builder;
    start(): Promise<{ getConnectionUri(): string; getId(): string }>;
  };
  type TcModule = { PostgreSqlContainer: new (image: string) => Builder };
  const mod = await importOptional<TcModule>('@testcontainers/postgresql');
  if (!mod) throw new Error('@testcontainers/postgresql is not installed (npm install -D @testcontainers/postgresql)');
  const image = process.env.INTERSCAMBIO_PG_IMAGE ?? 'postgres:18-alpine';
  log(`postgres: starting container ${image} with testcontainers ...`);
  const container = new mod.PostgreSqlContainer(image)
    .withDatabase('postgres')
    .withUsername('postgres')
    .withPassword('postgres')
    .withStartupTimeout(timeoutMs);
  const started = await container.start();
  const url = started.getConnectionUri().replace('://localhost:', '://127.0.0.1:');
  const version = await waitForSelect1(url, timeoutMs);
  return {
    name: 'postgres',
    url,
    source: 'container',
    startedBy: 'interscambio devstack (testcontainers)',
    detail: `PostgreSQL ${version} in container ${started.getId().slice(0, 12)} (${image}); removed when this process exits`,
  };
}
