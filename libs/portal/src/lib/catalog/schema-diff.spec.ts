import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffSchemas } from './schema-diff';
import { recordTypeVersions, versionDiff } from './schema-versions';

const v1 = {
  $id: 'https://schemas.interscambio.it/prova/avviso/1.json',
  title: 'Avviso',
  type: 'object',
  additionalProperties: false,
  required: ['titolo', 'anno'],
  properties: {
    titolo: { type: 'string', maxLength: 100 },
    anno: { type: 'integer' },
    stato: { enum: ['aperto', 'chiuso'] },
    luogo: { type: 'object', properties: { via: { type: 'string' }, civico: { type: 'string' } } },
    allegati: { type: 'array', items: { type: 'object', properties: { url: { type: 'string' } } } },
  },
};

describe('diffSchemas', () => {
  it('names each field added, removed, newly required or constrained differently, nested ones by their path', () => {
    const v2 = structuredClone(v1) as Omit<typeof v1, 'properties'> & { properties: Record<string, object> };
    delete (v2.properties as Record<string, unknown>)['anno'];
    v2.required = ['titolo', 'stato'];
    v2.properties.titolo = { type: 'string', maxLength: 200 };
    v2.properties.stato = { enum: ['aperto', 'chiuso', 'sospeso'] };
    v2.properties['note'] = { type: 'string' };
    v2.properties.luogo = { type: 'object', properties: { via: { type: 'string' }, cap: { type: 'string' } } };
    v2.properties.allegati = {
      type: 'array',
      items: { type: 'object', properties: { url: { type: 'string', format: 'uri' } } },
    };

    expect(diffSchemas(v1, v2)).toEqual([
      { field: '/titolo', kind: 'modificato', what: '`maxLength`: da 100 a 200.' },
      { field: '/anno', kind: 'rimosso', what: 'Campo rimosso.' },
      { field: '/stato', kind: 'modificato', what: 'Ora obbligatorio.' },
      { field: '/stato', kind: 'modificato', what: '`enum`: da ["aperto","chiuso"] a ["aperto","chiuso","sospeso"].' },
      { field: '/luogo/civico', kind: 'rimosso', what: 'Campo rimosso.' },
      { field: '/luogo/cap', kind: 'aggiunto', what: 'Nuovo campo facoltativo (string).' },
      { field: '/allegati/*/url', kind: 'modificato', what: '`format`: da — a "uri".' },
      { field: '/note', kind: 'aggiunto', what: 'Nuovo campo facoltativo (string).' },
    ]);
  });

  it('finds nothing between a schema and a copy that differs only in descriptions and examples', () => {
    const described = {
      ...structuredClone(v1),
      description: 'Nuova descrizione',
      examples: [{ titolo: 'x', anno: 1 }],
    };
    expect(diffSchemas(v1, described)).toEqual([]);
  });
});

describe('the versions of a record type in schemas/', () => {
  it('orders history before the current file and says whether each step is compatible', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-schemas-'));
    mkdirSync(path.join(dir, 'prova/avviso/history'), { recursive: true });
    const withNote = { ...v1, properties: { ...v1.properties, note: { type: 'string' } } };
    writeFileSync(path.join(dir, 'prova/avviso/history/1.0.json'), JSON.stringify(v1));
    writeFileSync(path.join(dir, 'prova/avviso/1.json'), JSON.stringify(withNote));

    const [type] = recordTypeVersions(dir);
    expect(type?.versions.map((v) => [v.version, v.current])).toEqual([
      ['1.0', false],
      ['1', true],
    ]);
    const forward = versionDiff(type as NonNullable<typeof type>, '1.0', '1');
    expect(forward?.changes).toEqual([{ field: '/note', kind: 'aggiunto', what: 'Nuovo campo facoltativo (string).' }]);
    expect(forward?.breaking).toEqual([]);
    // Backwards, the same step removes a field a reader may have sent: not compatible.
    expect(versionDiff(type as NonNullable<typeof type>, '1', '1.0')?.breaking.length).toBeGreaterThan(0);
  });
});
