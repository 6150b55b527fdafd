import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from '../problem/problem.error';
import type { IssueDetail } from '../problem/problem.error';
import { unstorableText } from '../problem/unstorable-text';
import type { FromSchema } from './json-schema.types';
import { FormBody, UnsupportedBody, UnsupportedMediaTypeError } from './request-bodies';

const INVALID_BODY = { it: 'Il corpo della richiesta non è valido.', en: 'The request body is not valid.' };

// ajv reports a missing or forbidden property at the object holding it; clients want its own pointer.
const PROPERTY_PARAM: Record<string, string> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  additionalProperties: 'additionalProperty',
};

/**
 * The request bodies' JSON Schemas (draft 2020-12), compiled once at start-up by one ajv instance;
 * the same schemas are the OpenAPI request bodies. A body that does not match is a 422 listing each
 * issue with its JSON pointer, as the theme services answer. The registry and the notifier share it.
 */
export class RequestValidator {
  private readonly validators = new Map<object, ValidateFunction>();

  constructor(schemas: readonly object[]) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const schema of schemas) this.validators.set(schema, ajv.compile(schema));
  }

  /**
   * The body once it matches `schema`, typed from the schema when it is declared `as const`, else as
   * the caller names it (`body<T>(…)`). `optional`: an absent body counts as `{}` (actions whose body
   * only adds a reason).
   */
  body<S extends object>(schema: S, body: unknown, options?: { optional?: boolean }): FromSchema<S>;
  body<T>(schema: object, body: unknown, options?: { optional?: boolean }): T;
  body(schema: object, body: unknown, options: { optional?: boolean } = {}): unknown {
    const validate = this.validators.get(schema);
    if (!validate) throw new Error('A request schema was not registered with the RequestValidator at start-up');
    if (body instanceof FormBody || body instanceof UnsupportedBody || (body === undefined && !options.optional))
      throw new UnsupportedMediaTypeError('application/json', body);
    const document = body ?? {};
    if (!validate(document)) throw new ValidationError(issues(validate.errors ?? []), INVALID_BODY);
    // Strings JSON Schema accepts but PostgreSQL cannot keep (a NUL) or would not keep as sent (a lone surrogate).
    const text = unstorableText(document);
    if (text.length > 0) throw new ValidationError(text, INVALID_BODY);
    return document;
  }
}

function issues(errors: readonly ErrorObject[]): IssueDetail[] {
  // An `if` error only repeats the `then` error it comes with.
  return errors
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const property = error.params[PROPERTY_PARAM[error.keyword] ?? ''] as string | undefined;
      const pointer =
        property === undefined
          ? error.instancePath
          : `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return { pointer, keyword: error.keyword, message: error.message ?? error.keyword };
    });
}
