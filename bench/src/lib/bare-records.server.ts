// The bare baseline of http.bench.ts, in a Node process of its own as the service is: Fastify, ajv
// compiled once from the schema file, and one pg transaction per request that upserts the record
// row(s) and inserts the outbox row(s). No token, no rules, no idempotency, no feed, no audit.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { bareWriteSql } from './bare-records.sql';
import { bareTransaction } from './bare-transaction';

interface Item {
  ente?: unknown;
  key?: unknown;
  data?: unknown;
}

interface Stored {
  ente: string;
  key: string;
  revision: number;
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-interscambio-visibility' });
  const validate = ajv.compile(JSON.parse(readFileSync(setting('BARE_SCHEMA_FILE'), 'utf8')) as object);
  const sql = bareWriteSql(setting('BARE_SCHEMA'));
  const type = setting('BARE_TYPE');
  const topic = setting('BARE_TOPIC');
  const base = setting('BARE_BASE_PATH');
  const pool = new Pool({ connectionString: setting('DATABASE_URL'), max: Number(setting('BARE_POOL_SIZE')) });
  const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });

  app.put<{ Params: { ente: string; key: string } }>(`${base}/:ente/:key`, async (request, reply) => {
    const { ente, key } = request.params;
    if (!validate(request.body)) return reply.code(422).send({ errors: validate.errors });
    const data = JSON.stringify(request.body);
    const revision = await bareTransaction(pool, async (client) => {
      const { rows } = await client.query<{ revision: number }>(sql.upsert, [uuidv7(), type, ente, key, data]);
      await client.query(sql.outbox, [uuidv7(), topic, `${ente}/${key}`, data]);
      return rows[0]?.revision;
    });
    return reply
      .code(revision === 1 ? 201 : 200)
      .type('application/json; charset=utf-8')
      .send(data);
  });

  app.post<{ Body: { items?: Item[] } }>(`${base}/batch`, async (request, reply) => {
    const items = request.body?.items;
    if (!Array.isArray(items) || items.length === 0) return reply.code(422).send({ error: 'no items' });
    const results: Record<string, unknown>[] = items.map((item, index) => ({
      index,
      ente: item.ente,
      key: item.key,
      status: 422,
      outcome: 'rejected',
    }));
    const valid = items.flatMap((item, index) =>
      typeof item.ente === 'string' && typeof item.key === 'string' && validate(item.data)
        ? [{ index, ente: item.ente, key: item.key, data: JSON.stringify(item.data) }]
        : [],
    );
    if (valid.length > 0) {
      const stored = await bareTransaction(pool, async (client) => {
        const datas = valid.map((v) => v.data);
        const { rows } = await client.query<Stored>(sql.upsertMany, [
          type,
          valid.map(() => uuidv7()),
          valid.map((v) => v.ente),
          valid.map((v) => v.key),
          datas,
        ]);
        await client.query(sql.outboxMany, [
          topic,
          valid.map(() => uuidv7()),
          valid.map((v) => `${v.ente}/${v.key}`),
          datas,
        ]);
        return rows;
      });
      // RETURNING does not promise the order of the input.
      const revisions = new Map(stored.map((r) => [`${r.ente}/${r.key}`, r.revision]));
      for (const { index, ente, key } of valid) {
        const revision = revisions.get(`${ente}/${key}`);
        const created = revision === 1;
        results[index] = {
          index,
          ente,
          key,
          status: created ? 201 : 200,
          outcome: created ? 'created' : 'updated',
          revision,
        };
      }
    }
    return { items: results };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
