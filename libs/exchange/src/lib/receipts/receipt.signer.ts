import { randomUUID } from 'node:crypto';
import { publicJwk, signTokenSync } from '@interscambio/access';
import type { Jwk, JwtClaims, SigningKey } from '@interscambio/access';
import type { ReceiptConfig } from './receipt.config';
import { receiptKey } from './receipt-key';
import { merkleTree } from './receipt-tree';

/** What a receipt attests of one change of one record, as the service accepted it. */
export interface ReceiptLeaf {
  type: string;
  ente: string;
  key: string;
  /** The change's CloudEvent id: it names exactly one revision of the record. */
  event: string;
  operation: 'put' | 'delete';
  /** The content hash of the document written; null for a delete. */
  contentHash: string | null;
}

/** What every change of one write shares: when, by which client, in which request. */
export interface ReceiptWrite {
  time: Date;
  clientId: string;
  correlationId: string;
}

export const RECEIPT_TYPE = 'interscambio-receipt+jwt';

/** A change's receipt: its write's JWS, then its own proof. record.sql.ts joins them the same way. */
export const receiptOf = (jws: string, proof: string): string => `${jws}~${proof}`;

/**
 * Signs the receipts of a write: record-level non-repudiation, which the audit chain's anchors do
 * not give per record. A receipt is `<JWS>~<leaf>~<path>` (separated like SD-JWT's disclosures):
 * the JWS (EdDSA, typ interscambio-receipt+jwt) signs the root of a Merkle tree over the write's
 * changes with the time, the client and the correlation id; the leaf (base64url JSON) names the
 * change (type, ente, key, event id, operation, content hash); the path (base64url JSON of
 * `L:`/`R:`-prefixed base64url hashes) leads from the leaf's hash to the root (receipt-tree.ts).
 * One signature per write, not per record: a batch of 500 would otherwise spend more on signing
 * than on writing. Signed before the write, so the write stays one statement: the event id names
 * the revision, which is stored with the receipt.
 */
export class ReceiptSigner {
  readonly issuer: string;
  /** The current key, then the retired ones; a promise because jose computes the kid asynchronously. */
  private readonly keys: Promise<SigningKey[]>;

  constructor(theme: string, config: ReceiptConfig) {
    this.issuer = `urn:interscambio:${theme}`;
    this.keys = Promise.all(
      [config.receiptKeySecret, ...config.receiptRetiredKeySecrets].map((s) => receiptKey(s, theme)),
    );
  }

  /**
   * The write's JWS and, per leaf in their order, its proof (`<leaf>~<path>`): the receipt of a
   * change is `<JWS>~<proof>` (receiptOf). Kept apart so that a write hands the JWS to PostgreSQL
   * once, not once per record: with 500 copies a batch's statement was three times slower.
   */
  async sign(leaves: ReceiptLeaf[], write: ReceiptWrite): Promise<{ jws: string; proofs: string[] }> {
    const encoded = leaves.map((leaf) => Buffer.from(JSON.stringify(leaf)));
    const { root, proofs } = merkleTree(encoded);
    const claims: JwtClaims = {
      iss: this.issuer,
      jti: randomUUID(),
      iat: Math.floor(write.time.getTime() / 1000),
      root: root.toString('base64url'),
      size: leaves.length,
      time: write.time.toISOString(),
      clientId: write.clientId,
      correlationId: write.correlationId,
    };
    const [key] = (await this.keys) as [SigningKey];
    const jws = signTokenSync(key, claims, RECEIPT_TYPE);
    return {
      jws,
      proofs: encoded.map((leaf, i) => {
        const path = (proofs[i] ?? []).map((step) => `${step.side}:${step.hash.toString('base64url')}`);
        return `${leaf.toString('base64url')}~${Buffer.from(JSON.stringify(path)).toString('base64url')}`;
      }),
    };
  }

  /** The public keys receipts verify with: the current one, then the retired ones. */
  async jwks(): Promise<{ keys: Jwk[] }> {
    return { keys: (await this.keys).map((k) => publicJwk(k.publicKey, { kid: k.kid, alg: k.alg })) };
  }
}
