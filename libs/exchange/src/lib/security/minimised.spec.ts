import { minimised } from './minimised';

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
