import { Client } from 'pg';
import { uniqueName } from './test-kafka';

export interface TestDatabase {
  url: string;
  /** A PostgreSQL schema of this test file's own. */
  schema: string;
  drop(): Promise<void>;
}

/** Creates an empty schema of its own in the test database; `drop()` removes it and all it holds. */
export async function testDatabase(prefix = 'test'): Promise<TestDatabase> {
  const url = process.env['INTERSCAMBIO_TEST_DATABASE_URL'];
  if (!url)
    throw new Error(
      'INTERSCAMBIO_TEST_DATABASE_URL is not set: run tests through Jest, whose globalSetup starts the devstack',
    );
  const schema = uniqueName(prefix).replace(/-/g, '_');
  await withClient(url, (c) => c.query(`CREATE SCHEMA "${schema}"`));
  return {
    url,
    schema,
    drop: () => withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
