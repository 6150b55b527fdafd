import { atMostRule, nonNegativeRule } from './amount.rule';

describe('amounts', () => {
  it('points at every negative amount, in arrays too, and ignores what is absent or not a number', () => {
    const rule = nonNegativeRule('opera-pubblica', ['/importo', '/finanziamenti/*/importo']);
    const document = { importo: 0, finanziamenti: [{ importo: 100 }, { importo: -1 }, {}, { importo: '5' }] };
    expect(rule.check(document)).toEqual([
      { pointer: '/finanziamenti/1/importo', keyword: 'minimum', message: 'must be >= 0', it: 'deve essere >= 0' },
    ]);
    expect(rule.check({})).toEqual([]);
  });

  it('points at a value above its limit', () => {
    const rule = atMostRule('opera-pubblica', [
      { value: '/importoLiquidato', limit: '/importoFinanziato' },
      { value: '/lotti/*/liquidato', limit: '/lotti/*/aggiudicato' },
    ]);
    expect(rule.check({ importoLiquidato: 100, importoFinanziato: 100 })).toEqual([]);
    expect(rule.check({ importoLiquidato: 100 })).toEqual([]);
    expect(
      rule.check({ importoLiquidato: 101, importoFinanziato: 100, lotti: [{ liquidato: 5, aggiudicato: 4 }] }),
    ).toEqual([
      {
        pointer: '/importoLiquidato',
        keyword: 'maximum',
        message: 'must be <= /importoFinanziato (100)',
        it: 'deve essere <= /importoFinanziato (100)',
      },
      {
        pointer: '/lotti/0/liquidato',
        keyword: 'maximum',
        message: 'must be <= /lotti/0/aggiudicato (4)',
        it: 'deve essere <= /lotti/0/aggiudicato (4)',
      },
    ]);
  });
});
