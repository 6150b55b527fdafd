import { agreementActionSchema, createAgreementSchema } from '../agreements/agreement.schemas';
import { addKeySchema, createClientSchema, patchClientSchema, rotateSecretSchema } from '../clients/client.schemas';
import { patchEnteSchema } from '../enti/ente.schemas';

/** Every request body's JSON Schema: the OpenAPI components of the same name (`title`) each handler's @JsonBody refers to. */
export const requestSchemas = [
  patchEnteSchema,
  createClientSchema,
  patchClientSchema,
  rotateSecretSchema,
  addKeySchema,
  createAgreementSchema,
  agreementActionSchema,
] as const;
