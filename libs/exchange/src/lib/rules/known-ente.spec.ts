import { entiByIstat } from '@interscambio/enti';
import { codiceCatastaleRule, comuneRule, knownEnteRule } from './known-ente.rule';

describe('the rules on enti that take part', () => {
  const enti = entiByIstat();

  it('refuse a record written for an ente that does not take part, pointing at the whole document', () => {
    const rule = knownEnteRule(enti);
    expect(rule.check({}, { ente: '082006' })).toEqual([]);
    expect(rule.check({}, { ente: '058091' })).toEqual([
      {
        pointer: '',
        keyword: 'ente',
        message: expect.stringContaining('058091'),
        it: expect.stringContaining('058091'),
      },
    ]);
  });

  it('refuse a comune or a codice catastale, named in the document, outside the two città metropolitane', () => {
    const comune = comuneRule('evento', ['/luogo/comune'], enti);
    expect(comune.check({ luogo: { comune: '083048' } })).toEqual([]);
    expect(comune.check({ luogo: { comune: '058091' } })).toEqual([
      { pointer: '/luogo/comune', keyword: 'comune', message: expect.any(String), it: expect.any(String) },
    ]);
    const catasto = codiceCatastaleRule('unita-immobiliare', ['/immobili/*/codice'], enti);
    expect(catasto.check({ immobili: [{ codice: 'G273' }, { codice: 'H501' }] })).toEqual([
      {
        pointer: '/immobili/1/codice',
        keyword: 'codiceCatastale',
        message: expect.any(String),
        it: expect.any(String),
      },
    ]);
  });
});
