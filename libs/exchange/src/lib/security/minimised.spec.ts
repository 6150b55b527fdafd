import { minimised, shownData, shownFields } from './minimised';

const presa = {
  beneficiario: { codiceFiscale: 'RSSMRA80A01G273X', nome: 'Mario' },
  areaIntervento: 'minori',
  stato: 'chiusa',
  motivoChiusura: 'trasferimento',
  periodo: { inizio: '2024-01-01', fine: '2024-06-30' },
  interventi: [{ tipo: 'a' }, { tipo: 'b' }],
};

describe('minimised', () => {
  it('keeps only the named fields, nested ones inside their objects, arrays whole', () => {
    expect(minimised(presa, ['/beneficiario/codiceFiscale', '/stato', '/periodo/inizio', '/interventi'])).toEqual({
      beneficiario: { codiceFiscale: 'RSSMRA80A01G273X' },
      stato: 'chiusa',
      periodo: { inizio: '2024-01-01' },
      interventi: [{ tipo: 'a' }, { tipo: 'b' }],
    });
  });

  it('leaves out what the document does not have, and never reaches into prototypes', () => {
    expect(minimised(presa, ['/dataChiusura', '/beneficiario/indirizzo', '/constructor', '/__proto__'])).toEqual({});
  });

  it('shows a whole object when it is named, and keeps a null value', () => {
    expect(minimised({ ...presa, note: null }, ['/beneficiario', '/note'])).toEqual({
      beneficiario: presa.beneficiario,
      note: null,
    });
  });
});

describe('what a read shows, and audits as shown', () => {
  const agreement = 'b7c4a0de-2f5e-4a51-9c61-0d4b8f3e2a10';

  it.each([
    [
      'through an agreement naming fields: those only',
      { agreement_id: agreement, fields: ['/stato'] },
      { stato: 'chiusa' },
      ['/stato'],
    ],
    ['through an agreement naming none: all of it', { agreement_id: agreement, fields: null }, presa, null],
    [
      'without an agreement (its own ente, a pubblico record): all of it',
      { agreement_id: null, fields: null },
      presa,
      null,
    ],
  ])('a read %s', (_, read, shown, fields) => {
    expect(shownData({ ...read, data: presa })).toEqual(shown);
    expect(shownFields(read)).toEqual(fields);
  });

  it('shows a tombstone as nothing, whatever the agreement names', () => {
    expect(shownData({ agreement_id: agreement, fields: ['/stato'], data: null })).toBeNull();
  });
});
