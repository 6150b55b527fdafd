import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface SandboxClientEntry {
  ente: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  /** When the registry stored this secret: a later run compares it instead of re-deriving the hash. */
  secretSetAt: string;
}

export interface SandboxFile {
  tokenUrl: string;
  clients: SandboxClientEntry[];
}

export interface SandboxFileRead {
  text: string | undefined;
  clients: Map<string, SandboxClientEntry>;
}

/** The previous run's file; a missing or unreadable one just means every secret is issued afresh. */
export function readSandboxFile(file: string): SandboxFileRead {
  if (!existsSync(file)) return { text: undefined, clients: new Map() };
  const text = readFileSync(file, 'utf8');
  try {
    const parsed = JSON.parse(text) as Partial<SandboxFile>;
    const entries = Array.isArray(parsed.clients) ? parsed.clients : [];
    return {
      text,
      clients: new Map(
        entries
          .filter(
            (c) =>
              typeof c?.clientId === 'string' &&
              typeof c.clientSecret === 'string' &&
              typeof c.secretSetAt === 'string',
          )
          .map((c) => [c.clientId, c]),
      ),
    };
  } catch {
    return { text, clients: new Map() };
  }
}

/** Written whole and renamed into place, readable by its owner only (it holds every sandbox secret). */
export function writeSandboxFile(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}
