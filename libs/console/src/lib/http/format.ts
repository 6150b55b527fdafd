// Dates and numbers as an Italian operator reads them, in Rome's time zone.
const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' });
const time = new Intl.DateTimeFormat('it-IT', { timeStyle: 'short', timeZone: 'Europe/Rome' });
const number = new Intl.NumberFormat('it-IT');

export const fmt = {
  dateTime: (d: Date | string | null | undefined): string => (d ? dateTime.format(new Date(d)) : '—'),
  time: (d: Date | number): string => time.format(new Date(d)),
  number: (n: number | string | null | undefined): string =>
    n === null || n === undefined ? '—' : number.format(Number(n)),
};
