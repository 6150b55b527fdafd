import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSchemasDir } from '../schemas-dir';
import { checkBackwardCompatible } from './check-backward-compatible';

const closed = (properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

const base = closed(
  { anno: { type: 'integer' }, stato: { enum: ['emessa', 'pagata'] }, nota: { type: 'string', maxLength: 20 } },
  ['anno'],
);

describe('checkBackwardCompatible accepts a newer version that accepts everything the older did', () => {
  it.each([
    ['the same schema', base],
    ['an added optional property', closed({ ...(base.properties as object), iuv: { type: 'string' } }, ['anno'])],
    [
      'a widened enum',
      closed({ ...(base.properties as object), stato: { enum: ['emessa', 'pagata', 'sospesa'] } }, ['anno']),
    ],
    [
      'a relaxed maxLength',
      closed({ ...(base.properties as object), nota: { type: 'string', maxLength: 200 } }, ['anno']),
    ],
    ['a dropped maxLength', closed({ ...(base.properties as object), nota: { type: 'string' } }, ['anno'])],
    ['integer widened to number', closed({ ...(base.properties as object), anno: { type: 'number' } }, ['anno'])],
    ['a property no longer required', closed(base.properties as Record<string, unknown>)],
    ['an opened object', { ...base, additionalProperties: true }],
    [
      'changed annotations',
      { ...base, title: 'Altro', description: 'Altro', examples: [], 'x-interscambio-visibility': 'pubblico' },
    ],
    [
      'a property moved into $defs',
      {
        ...base,
        properties: { ...(base.properties as object), anno: { $ref: '#/$defs/anno' } },
        $defs: { anno: { type: 'integer' } },
      },
    ],
  ])('%s', (_, newer) => {
    expect(checkBackwardCompatible(base, newer)).toEqual([]);
  });

  it('a recursive schema compared with itself (terminates)', () => {
    const tree = { type: 'object', properties: { figli: { type: 'array', items: { $ref: '#' } } } };
    expect(checkBackwardCompatible(tree, structuredClone(tree))).toEqual([]);
  });

  it.each(['tributi/posizione-debitoria/1.json', 'tributi/versamento/1.json'])(
    'every repository schema against itself: %s',
    (file) => {
      const schema = JSON.parse(readFileSync(path.join(defaultSchemasDir(), file), 'utf8')) as object;
      expect(checkBackwardCompatible(schema, structuredClone(schema))).toEqual([]);
    },
  );
});

describe('checkBackwardCompatible explains why a newer version would reject older documents', () => {
  const props = base.properties as Record<string, unknown>;

  it.each([
    ['a new required property', closed(props, ['anno', 'nota']), '/required: "nota" is newly required'],
    [
      'a property removed from a closed object',
      closed({ anno: props.anno, stato: props.stato }, ['anno']),
      '/properties/nota: removed from a closed object',
    ],
    [
      'a narrowed type',
      closed({ ...props, anno: { type: 'string' } }, ['anno']),
      '/properties/anno/type: integer no longer accepted',
    ],
    [
      'a tightened maxLength',
      closed({ ...props, nota: { type: 'string', maxLength: 10 } }, ['anno']),
      '/properties/nota/maxLength: 10 is stricter than before (20)',
    ],
    [
      'a narrowed enum',
      closed({ ...props, stato: { enum: ['emessa'] } }, ['anno']),
      '/properties/stato/enum: "pagata" no longer accepted',
    ],
    [
      'an added pattern',
      closed({ ...props, nota: { type: 'string', maxLength: 20, pattern: '^[a-z]*$' } }, ['anno']),
      '/properties/nota/pattern: added or changed',
    ],
    [
      'a closed object',
      { ...base, additionalProperties: false, properties: {} },
      '/properties/anno: removed from a closed object',
    ],
    [
      'an added minimum',
      closed({ ...props, anno: { type: 'integer', minimum: 2000 } }, ['anno']),
      '/properties/anno/minimum',
    ],
  ])('%s', (_, newer, reason) => {
    const reasons = checkBackwardCompatible(base, newer);
    expect(reasons).toContainEqual(expect.stringContaining(reason));
  });

  it('a number narrowed to integer', () => {
    expect(checkBackwardCompatible({ type: 'number' }, { type: 'integer' })).toEqual([
      '/type: number no longer accepted',
    ]);
  });

  it('a property added to an open object with a narrower schema than anything-goes', () => {
    const open = { type: 'object', properties: { anno: { type: 'integer' } } };
    const newer = { type: 'object', properties: { anno: { type: 'integer' }, iuv: { type: 'string' } } };
    expect(checkBackwardCompatible(open, newer)).toEqual([
      '/properties/iuv/type: added (string), any type was accepted before',
    ]);
  });

  it('a change behind a $ref', () => {
    const older = {
      type: 'object',
      properties: { cf: { $ref: '#/$defs/cf' } },
      $defs: { cf: { type: 'string', maxLength: 16 } },
    };
    const newer = {
      type: 'object',
      properties: { cf: { $ref: '#/$defs/cf' } },
      $defs: { cf: { type: 'string', maxLength: 11 } },
    };
    expect(checkBackwardCompatible(older, newer)).toEqual(['/$defs/cf/maxLength: 11 is stricter than before (16)']);
  });

  it('a changed oneOf alternative', () => {
    const older = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(
      checkBackwardCompatible(older, { oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] }),
    ).toHaveLength(1);
    expect(checkBackwardCompatible(older, { oneOf: [{ type: 'string' }, { type: 'integer' }] })).toEqual([]);
  });

  it('a keyword it does not understand, when changed', () => {
    expect(
      checkBackwardCompatible({ unevaluatedProperties: false }, { unevaluatedProperties: { type: 'string' } }),
    ).toHaveLength(1);
  });
});
