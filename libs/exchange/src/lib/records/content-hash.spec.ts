import { canonicalJson, contentHash } from './content-hash';

describe('content hash', () => {
  it('is the same whatever the order of object keys', () => {
    expect(contentHash({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, 1)).toBe(
      contentHash({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }, 1),
    );
  });

  it('changes with any value, with array order and with the schema major', () => {
    const base = contentHash({ a: [1, 2] }, 1);
    expect(contentHash({ a: [2, 1] }, 1)).not.toBe(base);
    expect(contentHash({ a: [1, 3] }, 1)).not.toBe(base);
    expect(contentHash({ a: [1, 2] }, 2)).not.toBe(base);
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ z: 'x', a: [true, null] })).toBe('{"a":[true,null],"z":"x"}');
  });
});
