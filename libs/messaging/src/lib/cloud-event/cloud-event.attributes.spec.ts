import type { CloudEvent } from './cloud-event';
import { toStructuredCloudEvent } from './cloud-event.attributes';
import { eventCorrelationId, eventRevision, eventVisibility } from './interscambio-attributes';

const event: CloudEvent = {
  specversion: '1.0',
  id: 'e-1',
  source: '/enti/082053',
  type: 'it.interscambio.tributi.versamento.updated',
  subject: 'v-1',
  time: '2026-12-03T10:00:00.000Z',
  dataschema: 'https://schemas.interscambio.it/tributi/versamento/1.json',
  data: { importo: 10 },
  extensions: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  headers: {
    'interscambio-revision': '3',
    'interscambio-visibility': 'riservato',
    'interscambio-correlation-id': 'c-1',
  },
  topic: 'interscambio.tributi.versamento',
  key: '082053/v-1',
  partition: 0,
  offset: '7',
};

describe('the platform attributes of a record event', () => {
  it('are read through accessors', () => {
    expect([eventRevision(event), eventVisibility(event), eventCorrelationId(event)]).toEqual([3, 'riservato', 'c-1']);
  });

  it('go into the structured JSON form as extension attributes, beside the core ones and the data given', () => {
    const { specversion, id, source, type, subject, time, dataschema } = event;
    expect(toStructuredCloudEvent(event, { importo: 10 })).toEqual({
      specversion,
      id,
      source,
      type,
      subject,
      time,
      dataschema,
      datacontenttype: 'application/json',
      data: { importo: 10 },
      revision: 3,
      visibility: 'riservato',
      correlationid: 'c-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
  });

  it('leave out data and its content type for a deleted record', () => {
    const structured = toStructuredCloudEvent({ ...event, data: null }, null);
    expect(structured).not.toHaveProperty('data');
    expect(structured).not.toHaveProperty('datacontenttype');
  });
});
