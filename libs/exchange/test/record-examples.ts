import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSchemasDir, SchemaCatalog } from '@interscambio/schemas';
import { forSuite } from '@interscambio/testing';
import type { ThemeOptions } from '../src/index';
import { startThemeTestApp } from './theme-test-app';
import type { ThemeTestApp } from './theme-test-app';

/** A document the theme must refuse, and the issue it must name. */
interface InvalidCase {
  type: string;
  name: string;
  document: unknown;
  expect: { pointer: string; keyword: string };
  /** The ente of the path; a comune that takes part unless the case is about the ente. */
  ente?: string;
}

/**
 * An example made invalid for one of the theme's rules (each app keeps them in `test/rule-cases.json`):
 * `value` put at `pointer` in a copy of the type's example number `example` (default 0); the 422
 * must name that pointer with `keyword`.
 */
export interface RuleCase {
  type: string;
  name: string;
  example?: number;
  pointer: string;
  value: unknown;
  keyword: string;
}

interface ValidCase {
  type: string;
  name: string;
  key: string;
  document: unknown;
}

const ENTE = '082053';
const UNKNOWN_ENTE = '058091';

/** The examples of each record type's current major, and its `invalid/<n>-<name>.json` documents. */
function recordExamples(
  theme: string,
  dir: string = defaultSchemasDir(),
): { types: string[]; valid: ValidCase[]; invalid: InvalidCase[] } {
  const types = SchemaCatalog.load(dir).types(theme);
  const valid = types.flatMap((info) =>
    info.examples.map((document, i) => ({
      type: info.type,
      name: `example ${i + 1}`,
      key: `esempio-${i + 1}`,
      document,
    })),
  );
  const invalid = types.flatMap(({ type }) => {
    const folder = path.join(dir, theme, type, 'invalid');
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => {
        const { reason, expect, document } = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as {
          reason: string;
          expect: InvalidCase['expect'];
          document: unknown;
        };
        return { type, name: `invalid/${file} (${reason})`, document, expect };
      });
  });
  return { types: types.map((info) => info.type), valid, invalid };
}

/**
 * Drives a theme's service in-process over HTTP with every example of its schemas (201), every
 * invalid document of its schemas plus `ruleCases` (422 naming the expected pointer and keyword),
 * and a record of an ente that does not take part; then checks that only the examples were stored.
 */
export function describeRecordExamples(theme: ThemeOptions, ruleCases: RuleCase[] = []): void {
  const { types, valid, invalid } = recordExamples(theme.theme, theme.schemasDir);
  const broken = ruleCases.map<InvalidCase>((c) => ({
    type: c.type,
    name: c.name,
    expect: { pointer: c.pointer, keyword: c.keyword },
    document: changed(valid, c),
  }));
  const [first] = valid;
  const unknownEnte: InvalidCase[] = first
    ? [
        {
          ...first,
          name: `${first.name} written for an ente that does not take part`,
          ente: UNKNOWN_ENTE,
          expect: { pointer: '', keyword: 'ente' },
        },
      ]
    : [];
  const refused = [...invalid, ...broken, ...unknownEnte];

  describe(`${theme.theme}: the examples of its record types, through HTTP`, () => {
    const t = forSuite(() => startThemeTestApp(theme, `${theme.theme.replace(/-/g, '_')}_examples`));

    it('has examples for every record type', () => {
      expect(types.filter((type) => !valid.some((c) => c.type === type))).toEqual([]);
      expect(types.length).toBeGreaterThan(0);
    });

    it.each(valid.map((c) => [`${c.type} ${c.name}`, c] as const))('accepts %s with 201', async (_name, c) => {
      const res = await put(t, recordUrl(theme, c.type, ENTE, c.key), c.document);
      expect({ status: res.statusCode, body: res.json<unknown>() }).toEqual({ status: 201, body: c.document });
    });

    it.each(refused.map((c, i) => [`${c.type} ${c.name}`, c, i] as const))(
      'refuses %s with 422 naming the field',
      async (_name, c, i) => {
        const url = recordUrl(theme, c.type, c.ente ?? ENTE, `invalido-${i + 1}`);
        const res = await put(t, url, c.document);
        expect(res.statusCode).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<{ code: string; errors: unknown[] }>()).toMatchObject({
          code: 'validation-failed',
          errors: expect.arrayContaining([expect.objectContaining(c.expect)]),
        });
      },
    );

    it('stored the examples and nothing it refused, and has events to publish for the examples only', async () => {
      const { rows } = await t.sql.query<{ type: string; ente: string; key: string }>(
        'select type, ente, key from record',
      );
      const stored = rows.map((r) => `${r.type}/${r.ente}/${r.key}`).sort();
      expect(stored).toEqual(valid.map((c) => `${c.type}/${ENTE}/${c.key}`).sort());
      const outbox = await t.sql.query<{ events: number }>('select count(*)::int as events from outbox');
      expect(outbox.rows).toEqual([{ events: valid.length }]);
    });
  });
}

function changed(valid: ValidCase[], c: RuleCase): unknown {
  const example = valid.filter((v) => v.type === c.type)[c.example ?? 0];
  if (!example) throw new Error(`${c.type} has no example ${c.example ?? 0} to change for "${c.name}"`);
  const document = structuredClone(example.document);
  const tokens = c.pointer.slice(1).split('/');
  const last = tokens.pop() as string;
  const parent = tokens.reduce<Record<string, unknown>>(
    (at, token) => {
      at[token] ??= {};
      return at[token] as Record<string, unknown>;
    },
    document as Record<string, unknown>,
  );
  parent[last] = c.value;
  return document;
}

function put(t: ThemeTestApp, url: string, document: unknown): ReturnType<ThemeTestApp['app']['inject']> {
  const ente = url.split('/').at(-2) as string;
  const headers = { 'content-type': 'application/json', ...t.as(ente) };
  return t.app.inject({ method: 'PUT', url, headers, payload: JSON.stringify(document) });
}

function recordUrl(theme: ThemeOptions, type: string, ente: string, key: string): string {
  return `/${theme.theme}/v1/records/${type}/${ente}/${key}`;
}
