import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { unstorableText } from '@interscambio/http';
import type { IssueDetail } from '@interscambio/http';
import { RequestBodyInvalidError } from '../subscriptions/subscription.errors';
import { NotifierProblem } from './problem-language';

// ajv reports a missing or forbidden property at the object holding it; clients want its own pointer.
const PROPERTY_PARAM: Record<string, string> = {
  required: 'missingProperty',
  additionalProperties: 'additionalProperty',
};

/** The request bodies' JSON Schemas, compiled once by one ajv at start-up; the same schemas are in the OpenAPI document. */
export class RequestValidator {
  private readonly validators = new Map<object, ValidateFunction>();

  constructor(schemas: readonly object[]) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const schema of schemas) this.validators.set(schema, ajv.compile(schema));
  }

  /** The body as `T` once it matches `schema`; a 422 listing each issue at its JSON pointer otherwise. */
  body<T>(schema: object, body: unknown, options: { optional?: boolean } = {}): T {
    const validate = this.validators.get(schema);
    if (!validate) throw new Error('A request schema was not registered with the RequestValidator at start-up');
    if (body === undefined && !options.optional)
      throw new NotifierProblem(
        'unsupported-media-type',
        415,
        { it: 'Tipo di contenuto non supportato', en: 'Unsupported media type' },
        {
          it: 'Questo endpoint accetta un corpo application/json.',
          en: 'This endpoint takes an application/json body.',
        },
      );
    const document = body ?? {};
    if (!validate(document)) throw new RequestBodyInvalidError(issues(validate.errors ?? []));
    const text = unstorableText(document);
    if (text.length > 0) throw new RequestBodyInvalidError(text);
    return document as T;
  }
}

function issues(errors: readonly ErrorObject[]): IssueDetail[] {
  return errors.map((error) => {
    const property = error.params[PROPERTY_PARAM[error.keyword] ?? ''] as string | undefined;
    const pointer =
      property === undefined
        ? error.instancePath
        : `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return { pointer, keyword: error.keyword, message: error.message ?? error.keyword };
  });
}
