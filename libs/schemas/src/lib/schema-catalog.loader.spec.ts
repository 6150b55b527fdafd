import { omit, recordSchema, schemaDir } from '../../test/schema-dir.fixture';
import { SchemaCatalog } from './schema-catalog';

function loadError(files: Record<string, unknown>): { code?: string; message: string } {
  const fixture = schemaDir(files);
  try {
    SchemaCatalog.load(fixture.dir);
  } catch (error) {
    return error as { code?: string; message: string };
  } finally {
    fixture.remove();
  }
  throw new Error('the catalog loaded');
}

describe('loading a bad schema stops with the file and the reason', () => {
  const at = 'prova/campione/1.json';

  it('a schema without $id', () => {
    expect(loadError({ [at]: omit(recordSchema('prova', 'campione', 1), '$id') })).toMatchObject({
      code: 'schema-id',
      message: expect.stringMatching(/campione\/1\.json has no \$id/),
    });
  });

  it('an $id that does not match the path', () => {
    const error = loadError({ [at]: recordSchema('prova', 'campione', 2) });
    expect(error).toMatchObject({
      code: 'schema-id',
      message: expect.stringContaining('its path requires "https://schemas.interscambio.it/prova/campione/1.json"'),
    });
  });

  it('a file that is not JSON', () => {
    expect(loadError({ [at]: '{ "title": ' })).toMatchObject({
      code: 'schema-json',
      message: expect.stringContaining('campione/1.json is not valid JSON'),
    });
  });

  it('a schema ajv cannot compile (strict mode: unknown keyword)', () => {
    const error = loadError({ [at]: recordSchema('prova', 'campione', 1, { colour: 'red' }) });
    expect(error).toMatchObject({
      code: 'schema-compile',
      message: expect.stringContaining('unknown keyword: "colour"'),
    });
    expect(error.message).toContain(at);
  });

  it('a visibility that is not pubblico, riservato or personale', () => {
    const error = loadError({ [at]: recordSchema('prova', 'campione', 1, { 'x-interscambio-visibility': 'segreto' }) });
    expect(error).toMatchObject({
      code: 'schema-compile',
      message: expect.stringContaining('x-interscambio-visibility'),
    });
  });

  it('a schema that declares no visibility', () => {
    const schema = omit(recordSchema('prova', 'campione', 1), 'x-interscambio-visibility');
    expect(loadError({ [at]: schema })).toMatchObject({
      code: 'schema-metadata',
      message: expect.stringContaining(at),
    });
  });

  it('an example the schema rejects', () => {
    const error = loadError({
      [at]: recordSchema('prova', 'campione', 1, { examples: [{ anno: 2024 }, { anno: 'duemila' }] }),
    });
    expect(error).toMatchObject({
      code: 'schema-example',
      message: expect.stringContaining('examples[1] is invalid: /anno must be integer'),
    });
  });

  it('a file outside <theme>/<type>/<major>.json', () => {
    expect(loadError({ 'prova/campione.json': recordSchema('prova', 'campione', 1) })).toMatchObject({
      code: 'schema-location',
    });
  });

  it('a directory that does not exist', () => {
    expect(() => SchemaCatalog.load('/nonexistent/schemas')).toThrow(
      expect.objectContaining({ code: 'schema-dir-missing' }),
    );
  });
});

describe('a catalog with several majors', () => {
  const fixture = schemaDir({
    'prova/campione/1.json': recordSchema('prova', 'campione', 1),
    'prova/campione/2.json': recordSchema('prova', 'campione', 2, {
      required: ['anno', 'nota'],
      examples: [{ anno: 2024, nota: 'x' }],
    }),
    'prova/campione/history/1.0.json': recordSchema('prova', 'campione', 1, { properties: { anno: {} } }),
  });
  const catalog = SchemaCatalog.load(fixture.dir);
  afterAll(() => fixture.remove());

  it('lists the latest major by default, every major on request', () => {
    expect(catalog.types('prova').map((t) => t.major)).toEqual([2]);
    expect(catalog.types('prova', { allMajors: true }).map((t) => t.major)).toEqual([1, 2]);
  });

  it('validates against the latest major unless told otherwise', () => {
    expect(catalog.validate('prova', 'campione', { anno: 2024 })).toEqual([
      expect.objectContaining({ pointer: '/nota', keyword: 'required' }),
    ]);
    expect(catalog.validate('prova', 'campione', { anno: 2024 }, 1)).toEqual([]);
  });
});
