import type { DeadLetterView } from '../sources/dead-letters.source';
import { scartatiPage } from './scartati.page';

const letter = (visibility: string): DeadLetterView => ({
  id: '7',
  sourceTopic: 'interscambio.sociale.fascicolo',
  partition: 0,
  offset: '3',
  key: '082053/F-1',
  payload: '{"codiceFiscale":"RSSMRA80A01G273X"}',
  headers: { ce_id: 'e-1', ce_visibility: visibility },
  error: 'boom',
  consumerGroup: 'g',
  failedAt: null,
  status: 'pending',
});

describe('Messaggi scartati', () => {
  it('shows the payload of a dead letter, but never that of a personale record', () => {
    expect(scartatiPage([letter('pubblico')], 'csrf').text).toContain('RSSMRA80A01G273X');
    const page = scartatiPage([letter('personale')], 'csrf').text;
    expect(page).not.toContain('RSSMRA80A01G273X');
    expect(page).toContain('Riproduci il messaggio 7');
  });
});
