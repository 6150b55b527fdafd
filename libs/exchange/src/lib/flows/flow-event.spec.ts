import type { CloudEvent } from '@interscambio/messaging';
import type { ValidationIssue } from '@interscambio/schemas';
import { FlowEventInvalidError, parseFlowEvent } from './flow-event';

const source = { theme: 'lavori-pubblici', type: 'cantiere' };
const event = (over: Partial<CloudEvent> = {}): CloudEvent => ({
  id: '0192-e',
  source: '/enti/082053',
  type: 'it.interscambio.lavori-pubblici.cantiere.updated',
  subject: 'CANT-1',
  time: '2025-02-12T08:00:00.000Z',
  dataschema: 'https://schemas.interscambio.it/lavori-pubblici/cantiere/1.json',
  specversion: '1.0',
  data: { dataInizio: '2025-02-12' },
  extensions: { revision: '3' },
  headers: {},
  topic: 't',
  key: '082053/CANT-1',
  partition: 0,
  offset: '0',
  ...over,
});
const noIssues = (): ValidationIssue[] => [];
const parse = (e: CloudEvent, validate = noIssues) => parseFlowEvent(source, 1, validate, e);

describe('a source event as a flow receives it', () => {
  it('gives ente, key, revision, time and the record', () => {
    expect(parse(event())).toEqual({
      ente: '082053',
      key: 'CANT-1',
      revision: 3,
      time: '2025-02-12T08:00:00.000Z',
      data: { dataInizio: '2025-02-12' },
    });
  });

  it('gives a deletion as null data, with no schema to check', () => {
    expect(parse(event({ data: null, dataschema: undefined }))?.data).toBeNull();
  });

  it('reads the major from the gateway URL of the schema too', () => {
    const dataschema = 'https://api.example.it/lavori-pubblici/v1/schemas/cantiere/1';
    expect(parse(event({ dataschema })).key).toBe('CANT-1');
  });

  it.each([
    ['a source that is not an ente', event({ source: '/registry' }), /source "\/registry" is not \/enti/],
    ['no subject', event({ subject: undefined }), /no subject/],
    ['no revision', event({ extensions: {} }), /no interscambio revision/],
    ['no time', event({ time: undefined }), /no time/],
    [
      'another major',
      event({ dataschema: 'https://schemas.interscambio.it/lavori-pubblici/cantiere/2.json' }),
      /not major 1/,
    ],
  ])('refuses %s, saying so', (_, e, reason) => {
    expect(() => parse(e)).toThrow(FlowEventInvalidError);
    expect(() => parse(e)).toThrow(reason);
  });

  it('refuses a record its schema refuses, naming where and why', () => {
    const refused = (): ValidationIssue[] => [
      { pointer: '/impattoTraffico', keyword: 'enum', message: 'must be one of …' },
    ];
    expect(() => parse(event(), refused)).toThrow(
      'event 0192-e of lavori-pubblici/cantiere: record refused by its schema: /impattoTraffico must be one of …',
    );
  });
});
