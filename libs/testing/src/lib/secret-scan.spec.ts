import { secretsIn } from './secret-scan';

describe('secretsIn', () => {
  const secrets = { segreto: 'KKkAZB5kh0O4Ji0wr13qOZ6wYudwm5Tk', breve: 'Rossi Maria' };

  it('names a secret quoted whole', () => {
    expect(secretsIn('client secret KKkAZB5kh0O4Ji0wr13qOZ6wYudwm5Tk refused', secrets)).toEqual(['segreto']);
  });

  it('names a secret of which any 12 characters in a row are quoted, as a cut-short message would', () => {
    expect(secretsIn('not the KKkAZB5kh0O4Ji0w scheme', secrets)).toEqual(['segreto']);
    expect(secretsIn('…wr13qOZ6wYud…', secrets)).toEqual(['segreto']);
  });

  it('names a secret of 12 characters or fewer only when quoted whole', () => {
    expect(secretsIn('utente: Rossi Maria', secrets)).toEqual(['breve']);
    expect(secretsIn('utente: Rossi', secrets)).toEqual([]);
  });

  it('finds nothing in text without 12 characters of any secret', () => {
    expect(secretsIn('KKkAZB5kh0O and wYudwm5Tk', secrets)).toEqual([]);
  });
});
