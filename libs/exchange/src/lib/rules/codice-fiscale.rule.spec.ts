import { codiceFiscaleRule, soggettoRules } from './codice-fiscale.rule';

describe('the codice fiscale rule', () => {
  it('reports a bad codice fiscale at its pointer and skips absent fields', () => {
    const rule = codiceFiscaleRule('posizione-debitoria', ['/contribuente/codiceFiscale']);
    expect(rule.check({ contribuente: { codiceFiscale: 'RSSMRA80A01H501A' } })).toEqual([
      {
        pointer: '/contribuente/codiceFiscale',
        keyword: 'codiceFiscale',
        message: expect.any(String),
        it: expect.any(String),
      },
    ]);
    expect(rule.check({ contribuente: { codiceFiscale: 'RSSMRA80A01H501U' } })).toEqual([]);
    expect(rule.check({ contribuente: { partitaIva: '00743110157' } })).toEqual([]);
  });

  it('checks a soggetto by whichever identifier it has, codice fiscale or partita IVA', () => {
    const check = (document: unknown) =>
      soggettoRules('posizione-debitoria', '/contribuente').flatMap((rule) => rule.check(document));
    expect(check({ contribuente: { codiceFiscale: 'RSSMRA80A01H501A' } })).toEqual([
      expect.objectContaining({ pointer: '/contribuente/codiceFiscale', keyword: 'codiceFiscale' }),
    ]);
    expect(check({ contribuente: { partitaIva: '00743110158' } })).toEqual([
      expect.objectContaining({ pointer: '/contribuente/partitaIva', keyword: 'partitaIva' }),
    ]);
    expect(check({ contribuente: { partitaIva: '00743110157' } })).toEqual([]);
  });
});
