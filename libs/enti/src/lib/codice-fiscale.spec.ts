import { isCodiceFiscale, isCodiceFiscalePersona, isPartitaIva } from './codice-fiscale';

describe('codice fiscale and partita IVA check characters', () => {
  it.each(['RSSMRA80A01H501U', 'LNZGPP75M12A546M', 'RSSMRA80A01H50MM'])(
    'accepts the valid codice fiscale %s (omocodia included)',
    (cf) => {
      expect(isCodiceFiscalePersona(cf)).toBe(true);
    },
  );

  it.each(['RSSMRA80A01H501A', 'RSSMRA80A01H501', 'rssmra80a01h501u', 'RSSMRA80Z01H501U'])('refuses %s', (cf) => {
    expect(isCodiceFiscalePersona(cf)).toBe(false);
  });

  it('accepts a partita IVA with the right check digit and refuses one with a wrong one', () => {
    expect(isPartitaIva('00743110157')).toBe(true);
    expect(isPartitaIva('00743110158')).toBe(false);
    expect(isPartitaIva('0074311015')).toBe(false);
  });

  it('takes an 11-digit codice fiscale as a partita IVA', () => {
    expect(isCodiceFiscale('00743110157')).toBe(true);
    expect(isCodiceFiscale('00743110150')).toBe(false);
  });
});
