import { TokenRequestError } from './token.errors';

describe('token endpoint refusals', () => {
  it('are 401 with a Basic challenge for invalid_client, never cached', () => {
    const error = new TokenRequestError('wrong-client-secret', 'The secret does not match.');
    expect(error.status).toBe(401);
    expect(error.headers).toEqual({
      'cache-control': 'no-store',
      pragma: 'no-cache',
      'www-authenticate': 'Basic realm="interscambio"',
    });
    expect(error.extensions).toEqual({ error: 'invalid_client', error_description: 'The secret does not match.' });
  });

  it.each([
    ['invalid-scope', 400, 'invalid_scope'],
    ['unknown-audience', 400, 'invalid_target'],
    ['ente-disabled', 400, 'unauthorized_client'],
    ['unsupported-grant-type', 400, 'unsupported_grant_type'],
    ['multiple-client-authentication', 400, 'invalid_request'],
    ['unsupported-media-type', 415, 'invalid_request'],
    ['rate-limited', 429, 'temporarily_unavailable'],
  ] as const)('map %s to %i %s', (code, status, error) => {
    const refusal = new TokenRequestError(code, 'x');
    expect({ status: refusal.status, error: refusal.extensions.error }).toEqual({ status, error });
    expect(refusal.headers['www-authenticate']).toBeUndefined();
  });

  it('keep error_description to the characters RFC 6749 §5.2 allows, the detail untouched', () => {
    const error = new TokenRequestError('ente-disabled', 'Ente 082000 (Città Metropolitana) is "disabled" \\ now — ok');
    expect(error.message).toBe('Ente 082000 (Città Metropolitana) is "disabled" \\ now — ok');
    expect(error.extensions.error_description).toBe("Ente 082000 (Citta Metropolitana) is 'disabled' ' now ? ok");
  });
});
