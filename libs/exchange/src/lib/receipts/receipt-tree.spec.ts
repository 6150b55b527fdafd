import { merkleTree, rootOf } from './receipt-tree';

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`change-${i}`));

describe('receipt tree', () => {
  it.each([1, 2, 3, 5, 8, 500])('leads every one of %i leaves to the root through its path', (n) => {
    const all = leaves(n);
    const { root, proofs } = merkleTree(all);
    all.forEach((leaf, i) => expect(rootOf(leaf, proofs[i] ?? []).equals(root)).toBe(true));
    expect(Math.max(...proofs.map((p) => p.length))).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
  });

  it('leads nowhere near the root from an altered leaf, or with another leaf’s path', () => {
    const all = leaves(6);
    const { root, proofs } = merkleTree(all);
    expect(rootOf(Buffer.from('change-X'), proofs[2] ?? []).equals(root)).toBe(false);
    expect(rootOf(all[2] as Buffer, proofs[3] ?? []).equals(root)).toBe(false);
  });

  it('keeps a one-leaf tree apart from its leaf: leaves and nodes hash with different prefixes', () => {
    const [leaf] = leaves(1) as [Buffer];
    const { root } = merkleTree([leaf]);
    expect(root.equals(merkleTree([root]).root)).toBe(false);
  });
});
