import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SchemaCatalog } from './schema-catalog';
import { defaultSchemasDir } from './schemas-dir';

interface InvalidExample {
  reason: string;
  expect: { pointer: string; keyword: string };
  document: unknown;
}

const dir = defaultSchemasDir();
const catalog = SchemaCatalog.load(dir);
const cases = catalog.types().flatMap((t) => {
  const folder = path.join(dir, t.theme, t.type, 'invalid');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  return files.map((f) => ({
    theme: t.theme,
    type: t.type,
    file: f,
    example: JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as InvalidExample,
  }));
});

describe('documents each record type must refuse', () => {
  it('exist, at least three for every type', () => {
    for (const t of catalog.types()) {
      expect(cases.filter((c) => c.theme === t.theme && c.type === t.type).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases.map((c) => [`${c.theme}/${c.type}/${c.file}`, c] as const))(
    '%s fails for its stated reason',
    (_name, c) => {
      const issues = catalog.validate(c.theme, c.type, c.example.document);
      expect(issues).toContainEqual(expect.objectContaining(c.example.expect));
    },
  );
});
