const ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url as RFC 7515 requires it: no padding, no whitespace, no other alphabet, and no
 * stray bits in the last character. Node's decoder skips what it does not understand, so one token
 * could otherwise have many spellings. Returns undefined when `text` is not canonical base64url.
 */
export function decodeBase64url(text: string): Buffer | undefined {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
