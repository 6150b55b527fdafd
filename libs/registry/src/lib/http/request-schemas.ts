import { agreementActionSchema, createAgreementSchema } from '../agreements/agreement.schemas';
import { addKeySchema, createClientSchema, patchClientSchema, rotateSecretSchema } from '../clients/client.schemas';
import { patchEnteSchema } from '../enti/ente.schemas';

/** Every request body's JSON Schema: compiled by the RequestValidator, and the OpenAPI components of the same name (`title`). */
export const requestSchemas = [
  patchEnteSchema,
  createClientSchema,
  patchClientSchema,
  rotateSecretSchema,
  addKeySchema,
  createAgreementSchema,
  agreementActionSchema,
] as const;
