import { v7 as uuidv7 } from 'uuid';
import { receiptOf } from '../receipts/receipt.signer';
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
  /** The whole receipt, for the answer. */
  receipt: string;
  /** Its part of its own (record.sql.ts prefixes the write's JWS when it stores and sends it). */
  proof: string;
}

/** The publications of a write, by address, and the JWS their receipts share. */
export interface Publications {
  jws: string;
  byAddress: Map<string, Publication>;
}

/**
 * The event and the signed receipt of each change, by address, made before the write (which stores
 * both): one signature for all of them (receipts/receipt.signer.ts), each event naming its receipt.
 */
export async function publications(
  changes: Checked[],
  ref: RecordTypeRef,
  context: { at: Date; target: EventTarget; trace: RequestTrace },
  signer: ReceiptSigner,
): Promise<Publications> {
  if (changes.length === 0) return { jws: '', byAddress: new Map() };
  const { at, target, trace } = context;
  const ids = changes.map(() => uuidv7());
  const { jws, proofs } = await signer.sign(
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
  const byAddress = new Map(
    changes.map((c, i) => {
      const proof = proofs[i] as string;
      const data = c.command.op === 'put' ? c.command.data : null;
      const event = recordEvent(target, ref, { ...c, id: ids[i] as string, time: at, data }, trace);
      return [addressOf(c), { event, receipt: receiptOf(jws, proof), proof }];
    }),
  );
  return { jws, byAddress };
}
