import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSchemaFiles } from './schema-files';
import { defaultSchemasDir } from './schemas-dir';
import { generatedTypesFile, generateThemeTypes, typeName } from './type-generator';

const sourceDir = path.resolve(__dirname, '..');
const { files } = readSchemaFiles(defaultSchemasDir());
const themes = [...new Set(files.map((f) => f.theme))];

describe('the generated TypeScript types', () => {
  it.each(themes)(
    'generated/%s.ts is up to date with the schemas (else run `node tools/scripts/generate-types.ts`)',
    async (theme) => {
      const target = generatedTypesFile(sourceDir, theme);
      expect(readFileSync(target, 'utf8')).toBe(await generateThemeTypes(theme, files, target));
    },
  );

  it('has no file for a theme without schemas', () => {
    const generated = readdirSync(path.join(sourceDir, 'generated')).map((f) => path.basename(f, '.ts'));
    expect(generated.sort()).toEqual([...themes].sort());
  });

  it('names a type after its record type and major', () => {
    expect(typeName('posizione-debitoria', 1)).toBe('PosizioneDebitoriaV1');
  });
});
