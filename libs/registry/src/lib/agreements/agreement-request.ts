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
  throw new ForbiddenError(
    'agreement-forbidden',
    `Only an operator or admin may request an agreement for another ente; client "${caller.clientId}" requests for its own ente ${caller.ente} (leave consumer out).`,
  );
}

/** Each check a 422 naming the field: the type exists and needs an agreement, the parties can make one. */
export async function checkNewAgreement(
  em: EntityManager,
  catalog: SchemaCatalog,
  request: NewAgreement,
): Promise<void> {
  const themes = catalog.themes();
  if (!themes.includes(request.theme))
    throw new UnprocessableError(
      'unknown-theme',
      '/theme',
      `There is no theme "${request.theme}"; the themes are ${themes.join(', ')}.`,
    );
  const info = catalog.find(request.theme, request.type);
  if (!info) {
    const types = catalog.types(request.theme).map((t) => t.type);
    throw new UnprocessableError(
      'unknown-type',
      '/type',
      `Theme ${request.theme} has no record type "${request.type}"; its types are ${types.join(', ')}.`,
    );
  }
  if (info.visibility === 'pubblico')
    throw new UnprocessableError(
      'agreement-not-needed',
      '/type',
      `${request.theme}/${request.type} records are pubblico: any authenticated client reads them without an agreement.`,
    );
  if (info.visibility === 'personale' && (request.purpose?.trim().length ?? 0) < MIN_PURPOSE_LENGTH)
    throw new UnprocessableError(
      'purpose-required',
      '/purpose',
      `${request.theme}/${request.type} records are personale (special-category personal data): state the purpose of reading them in at least ${MIN_PURPOSE_LENGTH} characters.`,
    );
  if (info.visibility === 'personale' && !request.fields)
    throw new UnprocessableError(
      'fields-required',
      '/fields',
      `${request.theme}/${request.type} records are personale: name the fields the purpose needs (JSON pointers, e.g. ${examplePointers(info.schema)}); reads will show those only.`,
    );
  const unknown = (request.fields ?? []).findIndex((pointer) => !declaresField(info.schema, pointer));
  if (unknown >= 0)
    throw new UnprocessableError(
      'unknown-field',
      `/fields/${unknown}`,
      `${request.theme}/${request.type} has no field ${request.fields?.[unknown]}; its fields are ${examplePointers(info.schema, 50)}.`,
    );
  if (request.publisher === request.consumer)
    throw new UnprocessableError(
      'publisher-is-consumer',
      '/publisher',
      `Ente ${request.consumer} reads its own records without an agreement; name another publisher.`,
    );
  const publisher = await usableEnte(em, request.publisher, '/publisher');
  if (request.scope === 'metro' && publisher.kind !== 'citta-metropolitana')
    throw new UnprocessableError(
      'not-a-citta-metropolitana',
      '/publisher',
      `A metro-wide agreement names a città metropolitana as publisher (082000 Palermo, 083000 Messina); ${publisher.codiceIstat} is ${publisher.nome}.`,
    );
  await usableEnte(em, request.consumer, '/consumer');
}

async function usableEnte(em: EntityManager, code: string, pointer: string): Promise<Ente> {
  const ente = await em.findOne(Ente, { codiceIstat: code });
  if (!ente) throw new UnprocessableError('unknown-ente', pointer, `No ente has the ISTAT code "${code}".`);
  if (!ente.enabled)
    throw new UnprocessableError('ente-disabled', pointer, `Ente ${code} (${ente.nome}) is disabled on the platform.`);
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
