import { columnsOf, spelledOut } from './upload-columns';
import type { SchemaNode, UploadColumn } from './upload-columns';
import { detectDelimiter, sniffFormat } from './upload-sheet';
import { cellValue } from './upload-values';

const column = (kind: UploadColumn['kind'], schema: SchemaNode = {}, item?: UploadColumn['kind']): UploadColumn => ({
  path: 'x',
  header: 'X',
  kind,
  item,
  required: false,
  schema,
});

describe('spreadsheet cells and columns', () => {
  it('reads numbers the Italian way: a comma for decimals, points for thousands in integers only', () => {
    expect(cellValue(column('integer'), '1.250')).toEqual({ value: 1250 });
    expect(cellValue(column('integer'), '2024')).toEqual({ value: 2024 });
    expect(cellValue(column('number'), '38,1157')).toEqual({ value: 38.1157 });
    expect(cellValue(column('number'), '38.115')).toEqual({ value: 38.115 });
    expect(cellValue(column('number'), '1.234,5')).toEqual({ value: 1234.5 });
    expect(cellValue(column('integer'), '12,5')).toMatchObject({ problem: 'non è un numero intero' });
    expect(cellValue(column('integer'), 'duemila')).toMatchObject({ problem: 'non è un numero intero' });
  });

  it('reads dates as GG/MM/AAAA, booleans as sì/no, lists by their separator', () => {
    expect(cellValue(column('string', { format: 'date' }), '6/1/2025')).toEqual({ value: '2025-01-06' });
    expect(cellValue(column('boolean'), 'Sì')).toEqual({ value: true });
    expect(cellValue(column('boolean'), 'forse')).toMatchObject({ fix: 'Scrivere «sì» oppure «no».' });
    expect(cellValue(column('list', { items: {} }, 'string'), 'via Roma | via Libertà |')).toEqual({
      value: ['via Roma', 'via Libertà'],
    });
    expect(cellValue(column('json'), '[{"a":1}]')).toEqual({ value: [{ a: 1 }] });
    expect(cellValue(column('json'), '[{a}')).toMatchObject({ problem: 'il contenuto non è un testo JSON valido' });
  });

  it('spells field names out as headers, and makes nested fields dotted columns, oneOf branches merged', () => {
    expect(spelledOut('codiceFiscale')).toBe('Codice fiscale');
    expect(spelledOut('partitaIva')).toBe('Partita IVA');
    const schema: SchemaNode = {
      type: 'object',
      required: ['soggetto'],
      properties: {
        soggetto: { $ref: '#/$defs/soggetto' },
        strade: { type: 'array', items: { type: 'string' } },
        dataInizio: { title: 'Inizio lavori', type: 'string', format: 'date' },
      },
      $defs: {
        soggetto: {
          oneOf: [
            { type: 'object', properties: { codiceFiscale: { type: 'string' } } },
            { type: 'object', properties: { partitaIva: { type: 'string' } } },
          ],
        },
      },
    };
    expect(columnsOf(schema).map((c) => [c.path, c.header, c.kind])).toEqual([
      ['ente', 'Ente', 'string'],
      ['key', 'Chiave', 'string'],
      ['soggetto.codiceFiscale', 'Soggetto.Codice fiscale', 'string'],
      ['soggetto.partitaIva', 'Soggetto.Partita IVA', 'string'],
      ['strade', 'Strade', 'list'],
      ['dataInizio', 'Inizio lavori', 'string'],
    ]);
  });

  it('tells a CSV’s separator from its header and an XLSX or an old .xls from its first bytes', () => {
    expect(detectDelimiter('Chiave;Anno;"Nota, lunga"\r\nA;1;x')).toBe(';');
    expect(detectDelimiter('Chiave,Anno\nA,1')).toBe(',');
    expect(sniffFormat(Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBe('xls');
    expect(sniffFormat(Buffer.from('Chiave;Anno'))).toBe('csv');
  });
});
