import type { FormBody } from '@interscambio/http';
import { TokenRequestError } from './token.errors';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

// Schemes of the IANA HTTP Authentication Scheme Registry, the only words of a wrong Authorization
// header a refusal repeats: a header without a scheme is often the secret or the base64 credentials.
const AUTHENTICATION_SCHEMES = ['Bearer', 'Digest', 'DPoP', 'HOBA', 'Mutual', 'Negotiate', 'NTLM', 'PrivateToken'];

/** How a token request authenticates its client: exactly one of the three methods (RFC 6749 §2.3). */
export type ClientCredentials =
  | { method: 'client_secret_basic' | 'client_secret_post'; clientId: string; secret: string }
  | { method: 'private_key_jwt'; clientId?: string; assertion: string };

export function readClientCredentials(form: FormBody, authorization: string | undefined): ClientCredentials {
  const used = [
    authorization !== undefined ? 'HTTP Basic (the Authorization header)' : undefined,
    form.get('client_secret') !== undefined ? 'client_secret in the body' : undefined,
    form.get('client_assertion') !== undefined || form.get('client_assertion_type') !== undefined
      ? 'a client assertion'
      : undefined,
  ].filter((m) => m !== undefined);
  if (used.length > 1)
    throw new TokenRequestError('multiple-client-authentication', {
      it: `La richiesta autentica il client in ${used.length} modi (${used.join(', ')}); usarne uno solo.`,
      en: `The request authenticates the client in ${used.length} ways (${used.join(', ')}); use exactly one.`,
    });
  const clientId = form.get('client_id');
  if (authorization !== undefined) return basic(authorization, clientId);
  const secret = form.get('client_secret');
  if (secret !== undefined) {
    if (clientId === undefined)
      throw new TokenRequestError('missing-client-authentication', {
        it: 'Il corpo ha client_secret ma non client_id: client_secret_post richiede entrambi.',
        en: 'The body has client_secret but no client_id: client_secret_post needs both.',
      });
    return { method: 'client_secret_post', clientId, secret };
  }
  if (used.length === 1) return assertion(form, clientId);
  throw new TokenRequestError(
    'missing-client-authentication',
    clientId === undefined
      ? {
          it: "La richiesta non autentica alcun client: usare HTTP Basic (client_secret_basic), client_id e client_secret nel corpo (client_secret_post) o un'asserzione del client (private_key_jwt).",
          en: 'The request does not authenticate a client: use HTTP Basic (client_secret_basic), client_id and client_secret in the body (client_secret_post), or a client assertion (private_key_jwt).',
        }
      : {
          it: `La richiesta indica client_id "${clientId.slice(0, 80)}" ma non prova nulla: aggiungere client_secret, HTTP Basic o un'asserzione del client.`,
          en: `The request names client_id "${clientId.slice(0, 80)}" but proves nothing: add client_secret, HTTP Basic, or a client assertion.`,
        },
  );
}

function basic(header: string, clientId: string | undefined): ClientCredentials {
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header);
  if (!match) {
    const scheme = AUTHENTICATION_SCHEMES.find((name) => header.toLowerCase().startsWith(`${name.toLowerCase()} `));
    throw new TokenRequestError(
      'malformed-client-authentication',
      scheme
        ? {
            it: `L'endpoint dei token accetta l'autenticazione del client HTTP Basic, non lo schema ${scheme}.`,
            en: `The token endpoint takes HTTP Basic client authentication, not the ${scheme} scheme.`,
          }
        : {
            it: "L'intestazione Authorization non è `Basic <base64 di id:segreto>`.",
            en: 'The Authorization header is not `Basic <base64 of id:secret>`.',
          },
    );
  }
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const id = colon < 0 ? undefined : formDecode(decoded.slice(0, colon));
  const secret = colon < 0 ? undefined : formDecode(decoded.slice(colon + 1));
  if (!id || !secret)
    throw new TokenRequestError('malformed-client-authentication', {
      it: 'Le credenziali Basic non sono `<id del client>:<segreto del client>`, ciascuno form-urlencoded (RFC 6749 §2.3.1).',
      en: 'The Basic credentials are not `<client id>:<client secret>`, each form-urlencoded (RFC 6749 §2.3.1).',
    });
  if (clientId !== undefined && clientId !== id)
    throw new TokenRequestError('client-id-mismatch', {
      it: `HTTP Basic indica il client "${id}" ma il client_id del corpo è "${clientId.slice(0, 80)}".`,
      en: `HTTP Basic names client "${id}" but the body's client_id is "${clientId.slice(0, 80)}".`,
    });
  return { method: 'client_secret_basic', clientId: id, secret };
}

function assertion(form: FormBody, clientId: string | undefined): ClientCredentials {
  const type = form.get('client_assertion_type');
  if (type !== ASSERTION_TYPE)
    throw new TokenRequestError(
      'unsupported-assertion-type',
      type === undefined
        ? {
            it: `Il corpo ha client_assertion ma non client_assertion_type; deve essere ${ASSERTION_TYPE}.`,
            en: `The body has client_assertion but no client_assertion_type; it must be ${ASSERTION_TYPE}.`,
          }
        : {
            it: `client_assertion_type "${type.slice(0, 100)}" non è supportato; deve essere ${ASSERTION_TYPE} (RFC 7523).`,
            en: `client_assertion_type "${type.slice(0, 100)}" is not supported; it must be ${ASSERTION_TYPE} (RFC 7523).`,
          },
    );
  const value = form.get('client_assertion');
  if (value === undefined)
    throw new TokenRequestError('assertion-malformed', {
      it: 'Il corpo ha client_assertion_type ma non client_assertion.',
      en: 'The body has client_assertion_type but no client_assertion.',
    });
  return { method: 'private_key_jwt', assertion: value, ...(clientId === undefined ? {} : { clientId }) };
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
