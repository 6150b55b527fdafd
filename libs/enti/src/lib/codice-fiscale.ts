// Check characters of the Agenzia delle Entrate (DM 23/12/1976 for the codice fiscale of persons,
// DPR 633/1972 art. 35 for the partita IVA, which is also the codice fiscale of other subjects).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const PERSON = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** The check letter of the first 15 characters of a person's codice fiscale (omocodia included). */
export function codiceFiscaleCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15.charCodeAt(i);
    const n = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? (ODD[n] as number) : n;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The check digit of the first 10 digits of a partita IVA. */
export function partitaIvaCheck(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 16-character codice fiscale of a person (omocodia included) with the right check letter. */
export function isCodiceFiscalePersona(value: string): boolean {
  return PERSON.test(value) && codiceFiscaleCheck(value.slice(0, 15)) === value[15];
}

/** An 11-digit partita IVA (or numeric codice fiscale) with the right check digit. */
export function isPartitaIva(value: string): boolean {
  return /^\d{11}$/.test(value) && partitaIvaCheck(value.slice(0, 10)) === value[10];
}

/** Either form of codice fiscale: a person's (16 characters) or a legal subject's (11 digits). */
export function isCodiceFiscale(value: string): boolean {
  return value.length === 11 ? isPartitaIva(value) : isCodiceFiscalePersona(value);
}
