import { existsSync } from 'node:fs';
import path from 'node:path';
import { SchemaCatalog } from './schema-catalog';
import { SchemaCatalogError } from './schema-catalog.error';
import { schemaId } from './schema-files';
import { defaultSchemasDir } from './schemas-dir';

describe('the repository catalog', () => {
  const catalog = SchemaCatalog.load();
  const all = catalog.types(undefined, { allMajors: true });

  it('finds schemas/ at the repository root, also from compiled output under dist/', () => {
    const root = path.resolve(__dirname, '../../../..');
    expect(defaultSchemasDir()).toBe(path.join(root, 'schemas'));
    expect(defaultSchemasDir(path.join(root, 'dist/apps/tributi/libs/schemas/src/lib'))).toBe(
      path.join(root, 'schemas'),
    );
  });

  it('serves the tributi types', () => {
    expect(catalog.themes()).toContain('tributi');
    expect(catalog.types('tributi').map((t) => t.type)).toEqual(
      expect.arrayContaining(['posizione-debitoria', 'versamento']),
    );
  });

  it.each(all.map((t) => [`${t.theme}/${t.type}/${t.major}`, t] as const))('%s: $id matches its path', (_, info) => {
    expect(info.id).toBe(schemaId(info.theme, info.type, info.major));
    expect(existsSync(path.join(defaultSchemasDir(), info.theme, info.type, `${info.major}.json`))).toBe(true);
  });

  it.each(all.map((t) => [`${t.theme}/${t.type}/${t.major}`, t] as const))(
    '%s: at least 3 examples, all valid',
    (_, info) => {
      expect(info.examples.length).toBeGreaterThanOrEqual(3);
      for (const example of info.examples)
        expect(catalog.validate(info.theme, info.type, example, info.major)).toEqual([]);
    },
  );

  it('declares tributi records riservato', () => {
    for (const info of catalog.types('tributi')) expect(info.visibility).toBe('riservato');
  });

  it('finds the latest major by default and a given major on request', () => {
    const latest = catalog.find('tributi', 'posizione-debitoria');
    expect(latest).toBeDefined();
    expect(catalog.find('tributi', 'posizione-debitoria', latest?.major)).toBe(latest);
    expect(catalog.find('tributi', 'posizione-debitoria', 99)).toBeUndefined();
    expect(catalog.find('tributi', 'nessuno')).toBeUndefined();
  });

  it('refuses to validate a record type nobody declared', () => {
    expect(() => catalog.validate('tributi', 'nessuno', {})).toThrow(SchemaCatalogError);
    expect(() => catalog.validate('tributi', 'versamento', {}, 99)).toThrow(
      expect.objectContaining({ code: 'record-type-unknown' }),
    );
  });
});
