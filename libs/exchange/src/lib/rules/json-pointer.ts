/** The value at an RFC 6901 pointer, or undefined when the path does not exist. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const token of tokensOf(pointer)) {
    if (!hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

export interface Match {
  /** The concrete pointer, with every `*` replaced by the index or key it matched. */
  pointer: string;
  value: unknown;
}

/**
 * Every value at a pointer pattern, whose `*` tokens match each item of an array (or member of an
 * object): `/lotti/*` followed by `/cig` reaches the CIG of every lot. A missing path matches nothing.
 */
export function valuesAt(document: unknown, pattern: string): Match[] {
  if (pattern === '') return [{ pointer: '', value: document }];
  let matches: Match[] = [{ pointer: '', value: document }];
  for (const token of tokensOf(pattern)) {
    matches = matches.flatMap(({ pointer, value }) => {
      if (token !== '*')
        return hasOwn(value, token)
          ? [{ pointer: `${pointer}/${escape(token)}`, value: (value as Record<string, unknown>)[token] }]
          : [];
      if (value === null || typeof value !== 'object') return [];
      return Object.entries(value).map(([key, item]) => ({ pointer: `${pointer}/${escape(key)}`, value: item }));
    });
  }
  return matches;
}

/**
 * `pattern` with its `*` tokens bound, in order, to what the `*` of another pattern matched: the end
 * date beside each start date (`/fasi/*` + `/fine` beside `/fasi/2/inizio` is `/fasi/2/fine`).
 */
export function bindWildcards(pattern: string, from: { pattern: string; pointer: string }): string {
  const wild = tokensOf(from.pattern);
  const concrete = tokensOf(from.pointer);
  const fill = wild.flatMap((token, i) => (token === '*' ? [concrete[i] as string] : []));
  return tokensOf(pattern)
    .map((token) => (token === '*' ? (fill.shift() ?? '*') : token))
    .reduce((pointer, token) => `${pointer}/${escape(token)}`, '');
}

function tokensOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function hasOwn(value: unknown, token: string): boolean {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, token);
}
