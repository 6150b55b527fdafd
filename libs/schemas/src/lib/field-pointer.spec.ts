import { declaresField } from './field-pointer';

const schema = {
  type: 'object',
  $defs: { periodo: { type: 'object', properties: { inizio: { type: 'string' }, fine: { type: 'string' } } } },
  properties: {
    stato: { type: 'string' },
    'a/b': { type: 'string' },
    beneficiario: { type: 'object', properties: { codiceFiscale: { type: 'string' } } },
    periodo: { $ref: '#/$defs/periodo' },
    allegati: { type: 'array', items: { type: 'object', properties: { nome: { type: 'string' } } } },
    luogo: { oneOf: [{ type: 'object', properties: { via: { type: 'string' } } }, { type: 'string' }] },
  },
};

describe('declaresField', () => {
  it.each([
    '/stato',
    '/beneficiario',
    '/beneficiario/codiceFiscale',
    '/periodo/inizio',
    '/allegati',
    '/a~1b',
    '/luogo/via',
  ])('finds %s', (pointer) => expect(declaresField(schema, pointer)).toBe(true));

  it.each([
    '',
    'stato',
    '/nessuno',
    '/beneficiario/nome',
    '/allegati/0',
    '/allegati/nome',
    '/periodo/durata',
    '/a/b',
    '/~2',
  ])('refuses %j', (pointer) => expect(declaresField(schema, pointer)).toBe(false));
});
