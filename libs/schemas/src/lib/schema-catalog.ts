import type { RecordTypeInfo, TypesOptions, ValidationIssue } from './record-type';
import { SchemaCatalogError } from './schema-catalog.error';
import { loadCatalogEntries } from './schema-catalog.loader';
import type { CatalogEntry } from './schema-catalog.loader';
import { defaultSchemasDir } from './schemas-dir';
import { toIssues } from './validation-issues';

/** Every record type of schemas/, each schema compiled once at load and served by theme, type and major. */
export class SchemaCatalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly latest = new Map<string, CatalogEntry>();

  private constructor(entries: CatalogEntry[]) {
    const ordered = [...entries].sort((a, b) => compareInfo(a.info, b.info));
    for (const entry of ordered) {
      const { theme, type, major } = entry.info;
      this.entries.set(`${theme}/${type}/${major}`, entry);
      this.latest.set(`${theme}/${type}`, entry);
    }
  }

  /** Loads and compiles `dir` (default: the repository's schemas/); throws SchemaCatalogError naming the bad file. */
  static load(dir: string = defaultSchemasDir()): SchemaCatalog {
    return new SchemaCatalog(loadCatalogEntries(dir));
  }

  themes(): string[] {
    return [...new Set([...this.latest.values()].map((e) => e.info.theme))];
  }

  /** The latest major of each type (of `theme`, if given), or every major with `{ allMajors: true }`; sorted. */
  types(theme?: string, options: TypesOptions = {}): RecordTypeInfo[] {
    const source = options.allMajors ? this.entries : this.latest;
    return [...source.values()].map((e) => e.info).filter((info) => theme === undefined || info.theme === theme);
  }

  /** Each record type's theme, by type name: what a consumer of every theme's topics looks an event's type up in. */
  themesByType(): Map<string, string> {
    return new Map(this.types().map((t) => [t.type, t.theme]));
  }

  /** `major` defaults to the latest. */
  find(theme: string, type: string, major?: number): RecordTypeInfo | undefined {
    return this.entry(theme, type, major)?.info;
  }

  /** [] when `document` is valid; throws SchemaCatalogError `record-type-unknown` for a type nobody declared. */
  validate(theme: string, type: string, document: unknown, major?: number): ValidationIssue[] {
    const entry = this.entry(theme, type, major);
    if (!entry) {
      const name = `${theme}/${type}${major === undefined ? '' : ` major ${major}`}`;
      throw new SchemaCatalogError('record-type-unknown', `Unknown record type ${name}`);
    }
    return entry.validate(document) ? [] : toIssues(entry.validate.errors ?? []);
  }

  private entry(theme: string, type: string, major?: number): CatalogEntry | undefined {
    return major === undefined ? this.latest.get(`${theme}/${type}`) : this.entries.get(`${theme}/${type}/${major}`);
  }
}

function compareInfo(a: RecordTypeInfo, b: RecordTypeInfo): number {
  return order(a.theme, b.theme) || order(a.type, b.type) || a.major - b.major;
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
