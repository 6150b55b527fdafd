import { dateRangeRule, timeRangeRule } from './date-range.rule';

describe('date ranges', () => {
  const rule = dateRangeRule('cantiere', [
    { start: '/dataInizio', end: '/dataFine' },
    { start: '/fasi/*/inizio', end: '/fasi/*/fine' },
  ]);

  it('accepts an end on or after the start, and a range with an end missing', () => {
    expect(rule.check({ dataInizio: '2024-03-01', dataFine: '2024-03-01' })).toEqual([]);
    expect(rule.check({ dataInizio: '2024-03-01' })).toEqual([]);
    expect(rule.check({ fasi: [{ inizio: '2024-03-01T10:00:00+01:00', fine: '2024-03-01T09:30:00Z' }] })).toEqual([]);
  });

  it('points at an end before its start, item by item in an array', () => {
    const document = {
      dataInizio: '2024-03-02',
      dataFine: '2024-03-01',
      fasi: [
        { inizio: '2024-01-01', fine: '2024-02-01' },
        { inizio: '2024-05-01T10:00:00+02:00', fine: '2024-05-01T07:59:59Z' },
      ],
    };
    expect(rule.check(document)).toEqual([
      {
        pointer: '/dataFine',
        keyword: 'dateRange',
        message: 'must not be before /dataInizio',
        it: 'non deve essere precedente a /dataInizio',
      },
      {
        pointer: '/fasi/1/fine',
        keyword: 'dateRange',
        message: 'must not be before /fasi/1/inizio',
        it: 'non deve essere precedente a /fasi/1/inizio',
      },
    ]);
  });

  it('compares a date with a date-time by day', () => {
    const mixed = dateRangeRule('evento', [{ start: '/inizio', end: '/fine' }]);
    expect(mixed.check({ inizio: '2024-06-10T21:00:00+02:00', fine: '2024-06-10' })).toEqual([]);
    expect(mixed.check({ inizio: '2024-06-10T21:00:00+02:00', fine: '2024-06-09' })).toHaveLength(1);
  });
});

describe('time ranges', () => {
  it('points at a closing time before the opening one, 24:00 closing the day', () => {
    const rule = timeRangeRule('luogo-della-cultura', [{ start: '/fasce/*/dalle', end: '/fasce/*/alle' }]);
    const fasce = [
      { dalle: '09:00', alle: '13:00' },
      { dalle: '20:00', alle: '24:00' },
      { dalle: '15:00', alle: '09:30' },
    ];
    expect(rule.check({ fasce })).toEqual([
      {
        pointer: '/fasce/2/alle',
        keyword: 'timeRange',
        message: 'must not be before /fasce/2/dalle',
        it: 'non deve essere precedente a /fasce/2/dalle',
      },
    ]);
  });
});
