// Scenario 1: validating a record with the catalog vs a bare ajv validator of the same schema file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSchemasDir, SchemaCatalog } from '@interscambio/schemas';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { compare, syncRate } from './lib/compare';
import { progress } from './lib/bench-env';
import { invalidDocuments, recordType, THEME, TYPE, validDocuments } from './lib/documents';
import { scenario } from './lib/report';

const ROUND_MS = 250;
const ROUNDS = 9;

function bareValidator(): (doc: unknown) => number {
  const file = path.join(defaultSchemasDir(), THEME, TYPE, '1.json');
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // Strict mode rejects unknown keywords; this is the least a bare setup must add for our schema files.
  ajv.addKeyword({ keyword: 'x-interscambio-visibility' });
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  return (doc) => (validate(doc) ? 0 : (validate.errors?.length ?? 0));
}

async function main(): Promise<void> {
  const catalog = SchemaCatalog.load();
  const info = recordType(catalog);
  const bare = bareValidator();
  const ours = (doc: unknown): number => catalog.validate(THEME, TYPE, doc).length;
  const cases = { valid: validDocuments(info), invalid: invalidDocuments(info) };
  for (const [kind, docs] of Object.entries(cases)) {
    const expectValid = kind === 'valid';
    for (const doc of docs) {
      if ((ours(doc) === 0) !== expectValid || (bare(doc) === 0) !== expectValid)
        throw new Error(`a ${kind} document was judged otherwise: ${JSON.stringify(doc)}`);
    }
    progress(`validation: ${kind} documents (${docs.length} distinct)`);
    await scenario(
      'validation',
      `validate ${kind} document`,
      'ops/s',
      () =>
        compare({
          ours: () => syncRate((i) => ours(docs[i % docs.length]) + 1, ROUND_MS),
          bare: () => syncRate((i) => bare(docs[i % docs.length]) + 1, ROUND_MS),
          rounds: ROUNDS,
        }),
      expectValid ? undefined : 'ours includes the conversion of ajv errors to issues with JSON pointers',
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
