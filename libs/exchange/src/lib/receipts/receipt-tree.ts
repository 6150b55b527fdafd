import { createHash } from 'node:crypto';

// A Merkle tree over the changes of one write (RFC 6962's hashing, with domain separation of
// leaves and nodes): one signature covers its root, and each change carries the path from its leaf
// to the root. A batch of 500 records then costs one signature, not 500.

const hash = (prefix: number, ...parts: Buffer[]): Buffer =>
  parts.reduce((h, p) => h.update(p), createHash('sha256').update(Buffer.of(prefix))).digest();

const leafHash = (leaf: Buffer): Buffer => hash(0, leaf);
const nodeHash = (left: Buffer, right: Buffer): Buffer => hash(1, left, right);

/** One step from a node up to its parent: the sibling's hash, and on which side it lies. */
export interface ProofStep {
  side: 'L' | 'R';
  hash: Buffer;
}

/** The root of the tree over `leaves` (their hashes), and each leaf's path to it. */
export function merkleTree(leaves: Buffer[]): { root: Buffer; proofs: ProofStep[][] } {
  if (leaves.length === 0) throw new Error('a receipt tree needs at least one change');
  const proofs: ProofStep[][] = leaves.map(() => []);
  let level = leaves.map((leaf, i) => ({ hash: leafHash(leaf), members: [i] }));
  while (level.length > 1) {
    const next: typeof level = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as (typeof level)[number];
      const right = level[i + 1];
      // An odd node out goes up unchanged, as in RFC 6962.
      if (!right) {
        next.push(left);
        continue;
      }
      for (const m of left.members) proofs[m]?.push({ side: 'R', hash: right.hash });
      for (const m of right.members) proofs[m]?.push({ side: 'L', hash: left.hash });
      next.push({ hash: nodeHash(left.hash, right.hash), members: [...left.members, ...right.members] });
    }
    level = next;
  }
  return { root: (level[0] as (typeof level)[number]).hash, proofs };
}

/** The root a leaf and its path lead to: equal to the signed root when the receipt is sound. */
export function rootOf(leaf: Buffer, proof: ProofStep[]): Buffer {
  return proof.reduce(
    (h, step) => (step.side === 'L' ? nodeHash(step.hash, h) : nodeHash(h, step.hash)),
    leafHash(leaf),
  );
}
