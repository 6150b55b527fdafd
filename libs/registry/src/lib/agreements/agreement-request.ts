import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgreementState, Caller } from '@interscambio/access';
import { declaresField } from '@interscambio/schemas';
import type { SchemaCatalog } from '@interscambio/schemas';
import { Ente } from '../enti/ente.entity';
import { ForbiddenError, UnprocessableError } from '../http/registry.errors';

const MIN_PURPOSE_LENGTH = 10;

export type NewAgreement = Pick<
  AgreementState,
  'consumer' | 'scope' | 'publisher' | 'theme' | 'type' | 'purpose' | 'fields'
>;

/** The consumer is the caller's ente; only an operator or admin may ask on another ente's behalf. */
export function consumerOf(named: string | undefined, caller: Caller): string {
  if (named === undefined || named === caller.ente) return caller.ente;
  if (caller.scopes.has('operator') || caller.scopes.has('admin')) return named;
  throw new ForbiddenError('agreement-forbidden', {
    it: `Solo un operatore o un amministratore può chiedere un accordo per un altro ente; il client "${caller.clientId}" chiede per il proprio ente ${caller.ente} (omettere consumer).`,
    en: `Only an operator or admin may request an agreement for another ente; client "${caller.clientId}" requests for its own ente ${caller.ente} (leave consumer out).`,
  });
}

/** Each check a 422 naming the field: the type exists and needs an agreement, the parties can make one. */
export async function checkNewAgreement(
  em: EntityManager,
  catalog: SchemaCatalog,
  request: NewAgreement,
): Promise<void> {
  const themes = catalog.themes();
  if (!themes.includes(request.theme))
    throw new UnprocessableError('unknown-theme', '/theme', {
      it: `Non esiste il tema "${request.theme}"; i temi sono ${themes.join(', ')}.`,
      en: `There is no theme "${request.theme}"; the themes are ${themes.join(', ')}.`,
    });
  const info = catalog.find(request.theme, request.type);
  if (!info) {
    const types = catalog.types(request.theme).map((t) => t.type);
    throw new UnprocessableError('unknown-type', '/type', {
      it: `Il tema ${request.theme} non ha il tipo di record "${request.type}"; i suoi tipi sono ${types.join(', ')}.`,
      en: `Theme ${request.theme} has no record type "${request.type}"; its types are ${types.join(', ')}.`,
    });
  }
  if (info.visibility === 'pubblico')
    throw new UnprocessableError('agreement-not-needed', '/type', {
      it: `I record ${request.theme}/${request.type} sono pubblici: ogni client autenticato li legge senza accordo.`,
      en: `${request.theme}/${request.type} records are pubblico: any authenticated client reads them without an agreement.`,
    });
  if (info.visibility === 'personale' && (request.purpose?.trim().length ?? 0) < MIN_PURPOSE_LENGTH)
    throw new UnprocessableError('purpose-required', '/purpose', {
      it: `I record ${request.theme}/${request.type} sono personali (categorie particolari di dati): indicare la finalità della lettura in almeno ${MIN_PURPOSE_LENGTH} caratteri.`,
      en: `${request.theme}/${request.type} records are personale (special-category personal data): state the purpose of reading them in at least ${MIN_PURPOSE_LENGTH} characters.`,
    });
  if (info.visibility === 'personale' && !request.fields)
    throw new UnprocessableError('fields-required', '/fields', {
      it: `I record ${request.theme}/${request.type} sono personali: indicare i campi che la finalità richiede (JSON pointer, ad es. ${examplePointers(info.schema)}); le letture mostreranno solo quelli.`,
      en: `${request.theme}/${request.type} records are personale: name the fields the purpose needs (JSON pointers, e.g. ${examplePointers(info.schema)}); reads will show those only.`,
    });
  const unknown = (request.fields ?? []).findIndex((pointer) => !declaresField(info.schema, pointer));
  if (unknown >= 0)
    throw new UnprocessableError('unknown-field', `/fields/${unknown}`, {
      it: `${request.theme}/${request.type} non ha il campo ${request.fields?.[unknown]}; i suoi campi sono ${examplePointers(info.schema, 50)}.`,
      en: `${request.theme}/${request.type} has no field ${request.fields?.[unknown]}; its fields are ${examplePointers(info.schema, 50)}.`,
    });
  if (request.publisher === request.consumer)
    throw new UnprocessableError('publisher-is-consumer', '/publisher', {
      it: `L'ente ${request.consumer} legge i propri record senza accordo; indicare un altro publisher.`,
      en: `Ente ${request.consumer} reads its own records without an agreement; name another publisher.`,
    });
  const publisher = await usableEnte(em, request.publisher, '/publisher');
  if (request.scope === 'metro' && publisher.kind !== 'citta-metropolitana')
    throw new UnprocessableError('not-a-citta-metropolitana', '/publisher', {
      it: `Un accordo metropolitano ha come publisher una città metropolitana (082000 Palermo, 083000 Messina); ${publisher.codiceIstat} è ${publisher.nome}.`,
      en: `A metro-wide agreement names a città metropolitana as publisher (082000 Palermo, 083000 Messina); ${publisher.codiceIstat} is ${publisher.nome}.`,
    });
  await usableEnte(em, request.consumer, '/consumer');
}

async function usableEnte(em: EntityManager, code: string, pointer: string): Promise<Ente> {
  const ente = await em.findOne(Ente, { codiceIstat: code });
  if (!ente)
    throw new UnprocessableError('unknown-ente', pointer, {
      it: `Nessun ente ha il codice ISTAT "${code}".`,
      en: `No ente has the ISTAT code "${code}".`,
    });
  if (!ente.enabled)
    throw new UnprocessableError('ente-disabled', pointer, {
      it: `L'ente ${code} (${ente.nome}) è disabilitato sulla piattaforma.`,
      en: `Ente ${code} (${ente.nome}) is disabled on the platform.`,
    });
  return ente;
}

/** The schema's top-level fields as pointers, to show a client what it may name. */
function examplePointers(schema: object, limit = 3): string {
  const properties = Object.keys((schema as { properties?: object }).properties ?? {});
  return properties
    .slice(0, limit)
    .map((p) => `/${p}`)
    .join(', ');
}
