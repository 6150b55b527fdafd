import { v7 as uuidv7 } from 'uuid';
import type { ReceiptSigner } from '../receipts/receipt.signer';
import type { Checked } from './record-checker';
import { recordEvent } from './record.events';
import type { EventTarget, EventTemplate } from './record.events';
import { addressOf } from './record.repository';
import type { RecordContent } from './record.repository';
import type { RecordTypeRef, RequestTrace } from './record.types';

/** What a change carries besides itself: its event, and the receipt stored with it and sent on it. */
export interface Publication {
  event: EventTemplate;
  receipt: string;
}

/**
 * The event and the signed receipt of each change, by address, made before the write (which stores
 * both): one signature for all of them (receipts/receipt.signer.ts), each event naming its receipt.
 */
export function publications(
  changes: Checked[],
  ref: RecordTypeRef,
  context: { at: Date; target: EventTarget; trace: RequestTrace },
  signer: ReceiptSigner,
): Map<string, Publication> {
  if (changes.length === 0) return new Map();
  const { at, target, trace } = context;
  const ids = changes.map(() => uuidv7());
  const receipts = signer.sign(
    changes.map((c, i) => ({
      type: ref.type,
      ente: c.ente,
      key: c.key,
      event: ids[i] as string,
      operation: c.command.op,
      contentHash: c.command.op === 'put' ? (c.content as RecordContent).hash : null,
    })),
    { time: at, clientId: trace.actor.clientId, correlationId: trace.correlationId },
  );
  return new Map(
    changes.map((c, i) => {
      const receipt = receipts[i] as string;
      const data = c.command.op === 'put' ? c.command.data : null;
      const event = recordEvent(target, ref, { ...c, id: ids[i] as string, time: at, data, receipt }, trace);
      return [addressOf(c), { event, receipt }];
    }),
  );
}
