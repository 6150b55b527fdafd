import path from 'node:path';
import { checkBackwardCompatible } from './compat/check-backward-compatible';
import { readSchemaFiles } from './schema-files';
import type { SchemaFile } from './schema-files';

/**
 * Within each major, every version must accept what the one before it accepted:
 * history/<major>.0.json → history/<major>.1.json → … → <major>.json. A new major may break.
 * Returns one line per problem (bad files included); [] when the catalog is consistent.
 */
export function findIncompatibleVersions(dir: string): string[] {
  const { files, problems } = readSchemaFiles(dir);
  const name = (f: SchemaFile): string => path.relative(dir, f.file);
  const lines = problems.map((p) => `${p.file} ${p.reason}`);
  const majors = new Map<string, SchemaFile[]>();
  for (const f of files) {
    const key = `${f.theme}/${f.type}/${f.major}`;
    majors.set(key, [...(majors.get(key) ?? []), f]);
  }
  for (const versions of majors.values()) {
    versions.sort((a, b) => (a.minor ?? Infinity) - (b.minor ?? Infinity));
    const current = versions.at(-1);
    if (current?.minor !== undefined)
      lines.push(`${name(current)} has no current version ${current.major}.json beside its history`);
    for (let i = 1; i < versions.length; i++) {
      const [older, newer] = [versions[i - 1], versions[i]];
      for (const reason of checkBackwardCompatible(older.schema, newer.schema)) {
        lines.push(`${name(newer)} rejects documents ${name(older)} accepted — ${reason}; make it a new major instead`);
      }
    }
  }
  return lines;
}
