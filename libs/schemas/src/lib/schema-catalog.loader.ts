import type { ValidateFunction } from 'ajv';
import { RECORD_VISIBILITIES, VISIBILITY_KEYWORD } from './record-type';
import type { RecordTypeInfo, RecordVisibility } from './record-type';
import { SchemaCatalogError } from './schema-catalog.error';
import { createAjv } from './schema-compiler';
import { readSchemaFiles } from './schema-files';
import type { SchemaFile } from './schema-files';
import { toIssues } from './validation-issues';

export interface CatalogEntry {
  info: RecordTypeInfo;
  validate: ValidateFunction;
}

/** Reads, checks and compiles every current schema of `dir` (history files are for the compatibility check only). */
export function loadCatalogEntries(dir: string): CatalogEntry[] {
  const { files, problems } = readSchemaFiles(dir);
  if (problems.length > 0) {
    const [first] = problems;
    const all = problems.map((p) => `${p.file} ${p.reason}`).join('\n  ');
    throw new SchemaCatalogError(first.code, `Bad schema(s) in ${dir}:\n  ${all}`, first.file);
  }
  const current = files.filter((f) => f.minor === undefined);
  const ajv = createAjv();
  // Added first, compiled after, so that a schema may $ref another one by its $id.
  for (const f of current) attempt(f, () => ajv.addSchema(f.schema));
  return current.map((f) => {
    const validate = attempt(f, () => ajv.getSchema(f.schema.$id as string) as ValidateFunction);
    const info = describe(f);
    info.examples.forEach((example, i) => {
      if (!validate(example)) {
        const issues = toIssues(validate.errors ?? []).map((e) => `${e.pointer || '/'} ${e.message}`);
        fail(f, 'schema-example', `examples[${i}] is invalid: ${issues.join('; ')}`);
      }
    });
    return { info, validate };
  });
}

function describe(f: SchemaFile): RecordTypeInfo {
  const { title, description, examples } = f.schema;
  const visibility = f.schema[VISIBILITY_KEYWORD] as RecordVisibility;
  if (typeof title !== 'string' || typeof description !== 'string')
    fail(f, 'schema-metadata', 'needs a title and a description');
  if (!RECORD_VISIBILITIES.includes(visibility))
    fail(f, 'schema-metadata', `needs "${VISIBILITY_KEYWORD}": ${RECORD_VISIBILITIES.join(' | ')}`);
  if (!Array.isArray(examples)) fail(f, 'schema-metadata', 'needs an "examples" array');
  const { theme, type, major } = f;
  return { theme, type, major, id: f.schema.$id as string, title, description, visibility, schema: f.schema, examples };
}

function attempt<T>(f: SchemaFile, step: () => T): T {
  try {
    return step();
  } catch (error) {
    return fail(f, 'schema-compile', `does not compile: ${(error as Error).message}`);
  }
}

function fail(f: SchemaFile, code: 'schema-metadata' | 'schema-compile' | 'schema-example', reason: string): never {
  throw new SchemaCatalogError(code, `Bad schema ${f.file}: ${reason}`, f.file);
}
