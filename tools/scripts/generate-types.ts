// Regenerates libs/schemas/src/generated/<theme>.ts from schemas/ (a unit test of libs/schemas fails
// while they differ). Run: node tools/scripts/generate-types.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// Node runs this file as it is (type stripping), without the tsconfig paths, so it reaches the
// library's sources by relative path.
/* eslint-disable @nx/enforce-module-boundaries */
import { readSchemaFiles } from '../../libs/schemas/src/lib/schema-files.ts';
import { generatedTypesFile, generateThemeTypes } from '../../libs/schemas/src/lib/type-generator.ts';
/* eslint-enable @nx/enforce-module-boundaries */

const root = path.resolve(import.meta.dirname, '../..');
const sourceDir = path.join(root, 'libs/schemas/src');
const { files, problems } = readSchemaFiles(path.join(root, 'schemas'));
for (const p of problems) console.error(`${p.file} ${p.reason}`);
if (problems.length > 0) process.exit(1);

const themes = [...new Set(files.map((f) => f.theme))];
mkdirSync(path.join(sourceDir, 'generated'), { recursive: true });
for (const theme of themes) {
  const target = generatedTypesFile(sourceDir, theme);
  writeFileSync(target, await generateThemeTypes(theme, files, target));
  process.stderr.write(`[generate-types] ${path.relative(root, target)}\n`);
}
for (const stale of readdirSync(path.join(sourceDir, 'generated')).filter(
  (f) => !themes.includes(path.basename(f, '.ts')),
)) {
  rmSync(path.join(sourceDir, 'generated', stale));
  process.stderr.write(`[generate-types] removed ${stale} (no such theme)\n`);
}
