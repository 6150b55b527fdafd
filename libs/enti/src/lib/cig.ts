// The CIG (Codice Identificativo Gara, ANAC) has ten characters in one of three forms. The check
// sums are those of AgID's PEPPOL validation rules (INT-T01-R037):
// - CIG from SIMOG: a 7-digit progressive number, then 3 hex digits = number × 211 mod 4091;
// - Smart CIG: X, Y or Z, then 2 hex digits = (the last 7 hex digits) × 211 mod 251;
// - CIG from the Piattaforma Contratti Pubblici (since 2024), and V/W smart CIGs: a letter, then 9
//   hex digits, with no published check.
const FORM = /^(?:[0-9]{7}[0-9A-F]{3}|[A-Z][0-9A-F]{9})$/;

export function isCig(value: string): boolean {
  if (!FORM.test(value)) return false;
  if (/^[0-9]/.test(value)) {
    const progressive = Number(value.slice(0, 7));
    return progressive > 0 && (progressive * 211) % 4091 === parseInt(value.slice(7), 16);
  }
  if (/^[XYZ]/.test(value)) {
    const progressive = parseInt(value.slice(3), 16);
    return progressive > 0 && (progressive * 211) % 251 === parseInt(value.slice(1, 3), 16);
  }
  return true;
}
