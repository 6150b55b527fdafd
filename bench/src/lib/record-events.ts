import type { OutboxEvent } from '@interscambio/messaging';
import { v7 as uuidv7 } from 'uuid';
import { ENTI, THEME, TYPE } from './documents';

/** Change `n` of a posizione-debitoria, shaped like the write path's events (same headers, same attributes). */
export function recordEvent(topic: string, dataschema: string, data: unknown, n: number): OutboxEvent {
  const ente = ENTI[n % ENTI.length] as string;
  const key = `pos-${n}`;
  return {
    id: uuidv7(),
    topic,
    key: `${ente}/${key}`,
    type: `it.interscambio.${THEME}.${TYPE}.created`,
    source: `/enti/${ente}`,
    subject: key,
    time: new Date().toISOString(),
    dataschema,
    data,
    headers: {
      'interscambio-visibility': 'riservato',
      'interscambio-revision': '1',
      'interscambio-correlation-id': uuidv7(),
    },
  };
}
