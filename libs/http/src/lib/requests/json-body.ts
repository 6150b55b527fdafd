import { Body } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { RequestValidator } from './request-validator';

/** A request body's JSON Schema (draft 2020-12): its `title` names its OpenAPI component. */
export interface TitledSchema {
  readonly title: string;
}

/**
 * The handler's JSON body, once it matches `schema` (a 422 listing each issue with its pointer, or a
 * 415 for a body that is not JSON), documented as the OpenAPI request body `schema.title`. One
 * statement says what the handler accepts and what the document promises, so they cannot drift.
 * `optional`: an absent body counts as `{}` and the document says the body is not required.
 * The parameter's type is the schema's: `FromSchema<typeof schema>`.
 */
export function JsonBody(schema: TitledSchema, options: { optional?: boolean } = {}): ParameterDecorator {
  const validator = new RequestValidator([schema]);
  const validated: PipeTransform = { transform: (body: unknown) => validator.body(schema, body, options) };
  const documented = ApiBody({
    ...(options.optional ? { required: false } : {}),
    schema: { $ref: `#/components/schemas/${schema.title}` },
  });
  return (target, method, index) => {
    if (method === undefined) throw new Error('@JsonBody is a parameter of a handler, not of a constructor');
    Body(validated)(target, method, index);
    documented(target, method, Object.getOwnPropertyDescriptor(target, method) as PropertyDescriptor);
  };
}
