import { Client } from 'pg';
import { testDatabase } from './test-database';

async function schemaExists(url: string, schema: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from information_schema.schemata where schema_name = $1', [
      schema,
    ]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('testDatabase', () => {
  it('gives each caller a schema of its own on the real server and drops it afterwards', async () => {
    const [a, b] = await Promise.all([testDatabase('iso'), testDatabase('iso')]);
    expect(a.schema).not.toEqual(b.schema);
    expect(await schemaExists(a.url, a.schema)).toBe(true);
    await Promise.all([a.drop(), b.drop()]);
    expect(await schemaExists(a.url, a.schema)).toBe(false);
    expect(await schemaExists(b.url, b.schema)).toBe(false);
  });
});
