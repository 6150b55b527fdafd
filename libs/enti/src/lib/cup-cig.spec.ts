import { isCig } from './cig';
import { isCup } from './cup';

const today = new Date('2025-06-30T12:00:00Z');

describe('CUP', () => {
  it.each(['J81B20000000005', 'F79J22001380004', 'G17H03000130001', 'B61H99000010001', 'E77H25000000001'])(
    'accepts the well-formed CUP %s',
    (cup) => {
      expect(isCup(cup, today)).toBe(true);
    },
  );

  it.each([
    ['too short', 'J81B2000000000'],
    ['lower case', 'j81b20000000005'],
    ['a digit where the letter goes', 'J8172000000005X'],
    ['a letter in the progressive number', 'J81B2000000000A'],
    ['a year of decision in the future', 'J81B26000000005'],
  ])('refuses a CUP with %s', (_why, cup) => {
    expect(isCup(cup, today)).toBe(false);
  });
});

describe('CIG', () => {
  const accepted = [
    ['a SIMOG CIG (published by ANAC)', '95156957EC'],
    ['another SIMOG CIG', '1234567CE7'],
    ['a smart CIG', 'ZC81A2B3C4'],
    ['a CIG of the Piattaforma Contratti Pubblici', 'B0A1C2D3E4'],
  ];
  const refused = [
    ['a wrong check on a SIMOG CIG', '95156957ED'],
    ['a wrong check on a smart CIG', 'ZC91A2B3C4'],
    ['a zero progressive number', '0000000000'],
    ['non-hex characters', '1234567XYZ'],
    ['lower case', '95156957ec'],
    ['nine characters', '95156957E'],
  ];

  it.each([
    ...accepted.map(([what, cig]) => ['accepts', what, cig]),
    ...refused.map(([what, cig]) => ['refuses', what, cig]),
  ])('%s %s', (verdict, _what, cig) => {
    expect(isCig(cig)).toBe(verdict === 'accepts');
  });
});
