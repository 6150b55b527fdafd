import { Parser } from '@asyncapi/parser';
import { SchemaCatalog } from '@interscambio/schemas';
import { buildAsyncApi } from './asyncapi.document';

const catalog = SchemaCatalog.load();
const parser = new Parser();

describe("every theme's AsyncAPI 3 document", () => {
  it.each(catalog.themes())('%s: valid for @asyncapi/parser, a channel and a DLQ per record type', async (theme) => {
    const types = catalog.types(theme);
    const document = buildAsyncApi({ theme, topicPrefix: 'interscambio', kafkaBrokers: ['127.0.0.1:9092'] }, types);
    const diagnostics = await parser.validate(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === 0);
    process.stdout.write(
      `${theme}: AsyncAPI ${errors.length} errors, ${diagnostics.length - errors.length} other findings\n`,
    );
    expect(errors.map((e) => `${e.code} ${e.path.join('.')}: ${e.message}`)).toEqual([]);
    const addresses = Object.values((document as { channels: Record<string, { address: string }> }).channels).map(
      (c) => c.address,
    );
    for (const { type } of types)
      expect(addresses).toEqual(
        expect.arrayContaining([`interscambio.${theme}.${type}`, `interscambio.${theme}.${type}.dlq`]),
      );
  });
});
