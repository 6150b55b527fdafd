export { TestIssuer } from './test-issuer';
export type { TestTokenClaims, TestTokenOptions } from './test-issuer';
