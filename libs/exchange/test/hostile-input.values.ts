import { comuni } from '@interscambio/enti';
import { generateRecords } from '@interscambio/fixtures';
import type { ApiOperation, OperationValues } from '@interscambio/http/testing';
import { hostileIntegerText, hostileJson } from '@interscambio/http/testing';
import { SchemaCatalog } from '@interscambio/schemas';
import fc from 'fast-check';
import type { ThemeOptions } from '../src/index';
import type { ThemeTestApp } from './theme-test-app';

/** The ente the suite writes as; its records are the ones hostile requests aim at. */
export const FUZZ_ENTE = '082053';

const KEY = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;

/** The token kinds hostile requests carry; the writer's, first, is the one well-formed requests carry. */
export const THEME_CREDENTIALS = [
  'writer',
  'reader',
  'other-ente',
  'operator',
  'no-scope',
  'unknown-ente',
  'other-audience',
  'expired',
  'foreign-signer',
  'unsigned',
  'no-kid',
  'wrong-typ',
  'rate-limited',
] as const;

/** The Authorization header of a token kind, minted now: tokens expire, a long run outlives them. */
export function themeAuthorization(t: ThemeTestApp, audience: string, kind: string): string {
  const token = (ente: string, scopes: string[], extra: object = {}, options: object = {}): string =>
    t.issuer.token({ ente, scopes, audience, ...extra }, options);
  const rw = ['records:read', 'records:write'];
  const tokens: Record<string, () => string> = {
    writer: () => token(FUZZ_ENTE, rw),
    reader: () => token(FUZZ_ENTE, ['records:read']),
    'other-ente': () => token('082006', rw),
    operator: () => token('082000', ['operator', 'records:read']),
    'no-scope': () => token(FUZZ_ENTE, []),
    'unknown-ente': () => token('999999', rw),
    'other-audience': () => t.issuer.token({ ente: FUZZ_ENTE, scopes: rw, audience: 'registry' }),
    expired: () => token(FUZZ_ENTE, rw, { expiresInSeconds: -60 }),
    'foreign-signer': () => token(FUZZ_ENTE, rw, {}, { signer: 'foreign' }),
    unsigned: () => token(FUZZ_ENTE, rw, {}, { alg: 'none' }),
    'no-kid': () => token(FUZZ_ENTE, rw, {}, { omitKid: true }),
    'wrong-typ': () => token(FUZZ_ENTE, rw, {}, { typ: 'JWT' }),
    'rate-limited': () => token(FUZZ_ENTE, rw, { clientId: 'fuzz-rate-limited', rateLimit: 1 }),
  };
  return `Bearer ${(tokens[kind] ?? tokens['writer'] ?? (() => ''))()}`;
}

/** Valid documents of each record type for FUZZ_ENTE: the fixtures' (they pass the theme's rules), else the schema's examples. */
export function validDocuments(theme: ThemeOptions): Map<string, unknown[]> {
  const catalog = SchemaCatalog.load(theme.schemasDir);
  const enti = comuni('palermo').filter((e) => e.codiceIstat === FUZZ_ENTE);
  const documents = new Map<string, unknown[]>();
  for (const info of catalog.types(theme.theme)) {
    let records: unknown[];
    try {
      records = generateRecords({ theme: theme.theme, type: info.type, enti, perEnte: 4, seed: 13, catalog }).map(
        (r) => r.data,
      );
    } catch {
      records = info.examples;
    }
    documents.set(info.type, records);
  }
  return documents;
}

const cursorText = (text: string): string => Buffer.from(text).toString('base64url');
const big = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.constantFrom(2n ** 63n - 1n, 2n ** 63n, 2n ** 64n, -1n, 10n ** 30n),
);

/** Cursors: forms the service issues (some addressing real places), forged ones past bigint or negative, random base64url. */
const cursors: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(big, big).map(([tx, position]) => cursorText(`t1:${tx}.${position}`)),
  big.map((position) => cursorText(`p1:${position}`)),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,120}$/),
  hostileIntegerText.map((text) => cursorText(`t1:${text}`)),
  hostileIntegerText,
  fc.constantFrom(cursorText('t1:1.2.3'), cursorText('t1:.'), cursorText('x1:1'), 'dDE6MS4y==', 'dDE6MS4y+/'),
);

/** The values that address real things in the theme service, per operation. */
export function themeValues(
  theme: ThemeOptions,
  documents: Map<string, unknown[]>,
): (operation: ApiOperation) => OperationValues {
  const types = [...documents.keys()];
  const ente = fc.constantFrom(FUZZ_ENTE, FUZZ_ENTE, FUZZ_ENTE, '082006', '082000');
  const key = fc.oneof(
    fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3', `K${'x'.repeat(199)}`),
    fc.stringMatching(KEY).filter((k) => k.length <= 200),
  );
  const type = fc.constantFrom(...types);
  return (operation) => {
    const recordType = new RegExp(`^/${theme.theme}/v1/records/([^/{]+)`).exec(operation.path)?.[1];
    const data = fc.constantFrom(...(documents.get(recordType ?? '') ?? [{}]));
    // A batch's items stand or fall one by one: some with an address no record can have.
    const address = (good: fc.Arbitrary<string>): fc.Arbitrary<unknown> =>
      fc.oneof({ weight: 4, arbitrary: good }, hostileJson);
    const item = fc.record({ ente: address(ente), key: address(key), data });
    return {
      path: { ente, key, type, major: fc.constantFrom('1', '2', '01') },
      query: {
        ente,
        cursor: cursors,
        after: cursors,
        limit: fc.integer({ min: 1, max: 1000 }).map(String),
        revision: fc.integer({ min: 1, max: 4 }).map(String),
        // A valid wait holds an empty answer open for that long: long-polls are the feed tests' business.
        wait: fc.constant('0'),
        types: fc.subarray(types, { minLength: 1 }).map((t) => t.join(',')),
        updatedSince: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        record: fc.tuple(type, ente, key).map((parts) => parts.join('/')),
      },
      bodies: operation.path.endsWith('/batch')
        ? fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => ({ items }))
        : data,
      named: { ente, key, data },
      ...(operation.path.endsWith('/audit/verify') ? { credentials: ['operator'] } : {}),
    };
  };
}
