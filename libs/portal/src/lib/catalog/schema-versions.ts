import { checkBackwardCompatible, readSchemaFiles, VISIBILITY_KEYWORD } from '@interscambio/schemas';
import type { SchemaFile } from '@interscambio/schemas';
import { diffSchemas } from './schema-diff';
import type { SchemaChange } from './schema-diff';

interface SchemaVersion {
  /** `1` for the current file of major 1, `1.0` for `history/1.0.json`. */
  version: string;
  current: boolean;
  schema: Record<string, unknown>;
}

export interface RecordTypeVersions {
  theme: string;
  type: string;
  title: string;
  description: string;
  visibility: string;
  /** Oldest first: history/1.0 → history/1.1 → 1 → history/2.0 → 2. */
  versions: SchemaVersion[];
}

export interface VersionDiff {
  from: string;
  to: string;
  changes: SchemaChange[];
  /** Why a reader of `from` may reject documents of `to` ([] when compatible). */
  breaking: string[];
}

/** Every record type of schemas/ with every version kept (current and history), by theme and type. */
export function recordTypeVersions(dir: string): RecordTypeVersions[] {
  const { files, problems } = readSchemaFiles(dir);
  if (problems.length > 0)
    throw new Error(`schemas/ is not valid: ${problems.map((p) => `${p.file} ${p.reason}`).join('; ')}`);
  const byType = new Map<string, SchemaFile[]>();
  for (const f of files) byType.set(`${f.theme}/${f.type}`, [...(byType.get(`${f.theme}/${f.type}`) ?? []), f]);
  return [...byType.values()].map((versions) => {
    versions.sort((x, y) => x.major - y.major || (x.minor ?? Infinity) - (y.minor ?? Infinity));
    const latest = versions[versions.length - 1] as SchemaFile;
    return {
      theme: latest.theme,
      type: latest.type,
      title: String(latest.schema['title'] ?? latest.type),
      description: String(latest.schema['description'] ?? ''),
      visibility: String(latest.schema[VISIBILITY_KEYWORD] ?? ''),
      versions: versions.map((f) => ({
        version: f.minor === undefined ? String(f.major) : `${f.major}.${f.minor}`,
        current: f.minor === undefined,
        schema: f.schema,
      })),
    };
  });
}

/** The diff between two versions of one type, with what makes it breaking. */
export function versionDiff(type: RecordTypeVersions, from: string, to: string): VersionDiff | undefined {
  const older = type.versions.find((v) => v.version === from);
  const newer = type.versions.find((v) => v.version === to);
  if (!older || !newer) return undefined;
  return {
    from,
    to,
    changes: diffSchemas(older.schema, newer.schema),
    breaking: checkBackwardCompatible(older.schema, newer.schema),
  };
}
