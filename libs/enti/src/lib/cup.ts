// The CUP (Codice Unico di Progetto, L. 3/2003, delibere CIPE 143/2002 and 24/2004) as the MIP/CUP
// system issues it: a letter, two digits, a letter, the last two digits of the year the project's
// funding was decided, then nine digits. It has no public check character.
const CUP = /^[A-Z][0-9]{2}[A-Z]([0-9]{2})[0-9]{9}$/;

/**
 * A well-formed CUP whose year of decision is not in the future. Two digits of year are read as this
 * century up to the current year, else as the 1990s: projects still running when the CUP started (2003).
 */
export function isCup(value: string, today: Date = new Date()): boolean {
  const match = CUP.exec(value);
  if (!match) return false;
  const yy = Number(match[1]);
  return yy <= today.getUTCFullYear() % 100 || yy >= 90;
}
