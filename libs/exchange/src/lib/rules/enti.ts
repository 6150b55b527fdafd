import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ENTI_FILE = 'data/comuni/comuni-palermo-messina.json';

export interface Ente {
  nome: string;
  /** The Belfiore code of a comune; none for a città metropolitana. */
  codiceCatastale?: string;
}

interface EntiFile {
  comuni: ({ codiceIstat: string } & Ente)[];
  cittaMetropolitane: ({ codiceIstat: string } & Ente)[];
}

/** The enti that may publish, by ISTAT code: read from data/comuni until the registry owns them. */
export function loadEnti(file: string = defaultEntiFile()): ReadonlyMap<string, Ente> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as EntiFile;
  return new Map(
    [...parsed.cittaMetropolitane, ...parsed.comuni].map(({ codiceIstat, nome, codiceCatastale }) => [
      codiceIstat,
      { nome, codiceCatastale },
    ]),
  );
}

let shared: ReadonlyMap<string, Ente> | undefined;

/** The enti of the repository's data file, read once per process. */
export function enti(): ReadonlyMap<string, Ente> {
  shared ??= loadEnti();
  return shared;
}

/** Walks up from here (source, or dist/apps/<app>/libs/…) to the repository holding data/comuni. */
function defaultEntiFile(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, ENTI_FILE);
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) throw new Error(`No ${ENTI_FILE} in any directory above ${from}`);
  }
}
