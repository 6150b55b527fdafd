import { comuni, entiByIstat, loadEnti } from './enti';

describe('the enti that take part', () => {
  it('are the 82 comuni of Palermo, the 108 of Messina and the two città metropolitane', () => {
    const enti = entiByIstat();
    expect(enti.size).toBe(192);
    expect(enti.get('082053')).toEqual({
      codiceIstat: '082053',
      nome: 'Palermo',
      kind: 'comune',
      provincia: { codice: '082', sigla: 'PA' },
      codiceCatastale: 'G273',
    });
    expect(enti.get('083048')).toMatchObject({ nome: 'Messina', provincia: { sigla: 'ME' } });
    expect(enti.get('082000')).toEqual({
      codiceIstat: '082000',
      nome: 'Città Metropolitana di Palermo',
      kind: 'citta-metropolitana',
      provincia: { codice: '082', sigla: 'PA' },
    });
    expect(enti.has('058091')).toBe(false);
  });

  it('lists the comuni of one città metropolitana, or of both, each with its codice catastale', () => {
    expect(comuni('palermo')).toHaveLength(82);
    expect(comuni('messina')).toHaveLength(108);
    expect(comuni()).toHaveLength(190);
    expect(comuni().every((c) => /^[A-Z]\d{3}$/.test(c.codiceCatastale))).toBe(true);
  });

  it('reads the città metropolitane first, then the comuni in ISTAT order', () => {
    const codes = loadEnti().map((e) => e.codiceIstat);
    expect(codes.slice(0, 2)).toEqual(['082000', '083000']);
    expect(codes.slice(2)).toEqual([...codes.slice(2)].sort());
  });
});
