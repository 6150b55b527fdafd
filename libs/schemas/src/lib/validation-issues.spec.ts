import { SchemaCatalog } from './schema-catalog';

describe('validation issues point at the offending value', () => {
  const catalog = SchemaCatalog.load();
  // The type's first published example, each test breaking one thing in it.
  const [valid] = catalog.types('tributi').find((t) => t.type === 'posizione-debitoria')?.examples as object[];
  const issues = (document: unknown): unknown[] => catalog.validate('tributi', 'posizione-debitoria', document);

  it('none for a valid document', () => {
    expect(issues(valid)).toEqual([]);
  });

  it('a value of the wrong type: its own pointer, keyword type', () => {
    expect(issues({ ...valid, anno: '2024' })).toEqual([
      { pointer: '/anno', keyword: 'type', message: 'must be integer', params: { type: 'integer' } },
    ]);
  });

  it('a missing required property: the pointer of the missing property', () => {
    const withoutAnno: Record<string, unknown> = { ...valid };
    delete withoutAnno.anno;
    expect(issues(withoutAnno)).toEqual([expect.objectContaining({ pointer: '/anno', keyword: 'required' })]);
  });

  it('a property the schema does not allow: the pointer of that property, escaped per RFC 6901', () => {
    expect(issues({ ...valid, colore: 'rosso', 'a/b~c': 1 })).toEqual([
      expect.objectContaining({ pointer: '/colore', keyword: 'additionalProperties' }),
      expect.objectContaining({ pointer: '/a~1b~0c', keyword: 'additionalProperties' }),
    ]);
  });

  it('a date that does not exist: keyword format', () => {
    expect(issues({ ...valid, scadenza: '2024-02-30' })).toEqual([
      { pointer: '/scadenza', keyword: 'format', message: 'must match format "date"', params: { format: 'date' } },
    ]);
  });

  it('every problem of the document at once', () => {
    const found = issues({ ...valid, anno: 1800, importo: -1, stato: 'boh' }) as { pointer: string }[];
    expect(found.map((i) => i.pointer)).toEqual(['/anno', '/importo', '/stato']);
  });

  it('a nested value: the full path', () => {
    const found = issues({ ...valid, contribuente: { partitaIva: '123' } }) as { pointer: string; keyword: string }[];
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/contribuente/partitaIva', keyword: 'pattern' }));
  });
});
