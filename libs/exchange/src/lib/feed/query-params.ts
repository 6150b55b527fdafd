import { BadRequestError } from '@interscambio/http';

const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;
const MAX_WAIT_SECONDS = 30;

export function limitOf(value: string | undefined): number {
  return integerOf('limit', value, DEFAULT_PAGE, 1, MAX_PAGE);
}

export function waitOf(value: string | undefined): number {
  return integerOf('wait', value, 0, 0, MAX_WAIT_SECONDS);
}

export function dateTimeOf(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(value);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(date.getTime())
  ) {
    throw new BadRequestError('invalid-query', {
      it: `${name} deve essere una data e ora RFC 3339 con il fuso orario.`,
      en: `${name} must be an RFC 3339 date-time with a time zone.`,
    });
  }
  return date;
}

function integerOf(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new BadRequestError('invalid-query', {
      it: `${name} deve essere un intero da ${min} a ${max}.`,
      en: `${name} must be an integer from ${min} to ${max}.`,
    });
  return n;
}
