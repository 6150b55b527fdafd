export { TestIssuer } from './test-issuer';
export type { TestTokenClaims, TestTokenOptions } from './test-issuer';
export { hmacWithPublicKey, signedWithHeader, signJwt, unsignedToken, withPayload } from './token-forge';
