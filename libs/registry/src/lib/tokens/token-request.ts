import { isScope } from '@interscambio/access';
import type { FormBody } from '@interscambio/http';
import { TokenRequestError } from './token.errors';

/** The grant, audiences and scopes a token request asks for, checked before any client is looked at. */
export function checkGrantType(form: FormBody): void {
  const repeated = form.repeated();
  if (repeated.length > 0)
    throw new TokenRequestError('repeated-parameter', {
      it: `${repeated.join(', ')} ${repeated.length === 1 ? 'è inviato' : 'sono inviati'} più di una volta; ogni parametro può comparire una sola volta (RFC 6749 §3.2).`,
      en: `${repeated.join(', ')} ${repeated.length === 1 ? 'is' : 'are'} sent more than once; every parameter may appear once (RFC 6749 §3.2).`,
    });
  const grant = form.get('grant_type');
  if (grant === undefined)
    throw new TokenRequestError('missing-grant-type', {
      it: 'Il corpo non ha grant_type; deve essere client_credentials.',
      en: 'The body has no grant_type; it must be client_credentials.',
    });
  if (grant !== 'client_credentials')
    throw new TokenRequestError('unsupported-grant-type', {
      it: `grant_type "${grant.slice(0, 80)}" non è supportato: il registro rilascia token solo per client_credentials (RFC 6749 §4.4).`,
      en: `grant_type "${grant.slice(0, 80)}" is not supported: the registry issues tokens only for client_credentials (RFC 6749 §4.4).`,
    });
}

export function requestedAudiences(form: FormBody, known: readonly string[]): string[] {
  const value = form.get('audience');
  const audiences = value === undefined ? [] : [...new Set(value.split(' ').filter((a) => a !== ''))];
  if (audiences.length === 0)
    throw new TokenRequestError('missing-audience', {
      it: `Il corpo non ha audience: indicare il servizio a cui è destinato il token (${known.join(', ')}), più di uno separati da spazi.`,
      en: `The body has no audience: name the service the token is for (${known.join(', ')}), several separated by spaces.`,
    });
  const unknown = audiences.filter((a) => !known.includes(a));
  if (unknown.length > 0)
    throw new TokenRequestError('unknown-audience', {
      it: `${unknown.map((a) => `"${a.slice(0, 80)}"`).join(', ')} ${unknown.length === 1 ? 'non è un servizio' : 'non sono servizi'} di questa piattaforma; i destinatari sono ${known.join(', ')}.`,
      en: `${unknown.map((a) => `"${a.slice(0, 80)}"`).join(', ')} ${unknown.length === 1 ? 'is not a service' : 'are not services'} of this platform; the audiences are ${known.join(', ')}.`,
    });
  return audiences;
}

/** The scopes to grant: those asked for, each one the client has; all of the client's when none are asked for. */
export function grantedScopes(form: FormBody, clientId: string, clientScopes: readonly string[]): string[] {
  const value = form.get('scope');
  const asked = value === undefined ? [] : [...new Set(value.split(' ').filter((s) => s !== ''))];
  if (asked.length === 0) return [...clientScopes];
  const has = clientScopes.length > 0 ? clientScopes.join(' ') : 'none';
  for (const scope of asked) {
    if (!isScope(scope))
      throw new TokenRequestError('invalid-scope', {
        it: `"${scope.slice(0, 80)}" non è un ambito di questa piattaforma; il client "${clientId}" ha ${has}.`,
        en: `"${scope.slice(0, 80)}" is not a scope of this platform; client "${clientId}" has ${has}.`,
      });
    if (!clientScopes.includes(scope))
      throw new TokenRequestError('invalid-scope', {
        it: `Il client "${clientId}" non può avere l'ambito ${scope}; i suoi ambiti sono ${has}.`,
        en: `Client "${clientId}" may not have scope ${scope}; its scopes are ${has}.`,
      });
  }
  return asked;
}
