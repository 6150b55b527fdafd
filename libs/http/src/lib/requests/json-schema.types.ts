// The TypeScript type of a request body, computed from its JSON Schema (declared `as const`), so the
// schema stays the one source of the contract. Covers the keywords the registry's schemas use.

export type FromSchema<S> = S extends { readonly const: infer C }
  ? C
  : S extends { readonly enum: readonly (infer E)[] }
    ? E
    : S extends { readonly type: readonly (infer T)[] }
      ? OfType<T & string, S>
      : S extends { readonly type: infer T extends string }
        ? OfType<T, S>
        : unknown;

type OfType<T extends string, S> = T extends 'string'
  ? string
  : T extends 'integer' | 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : T extends 'array'
          ? S extends { readonly items: infer I }
            ? FromSchema<I>[]
            : unknown[]
          : T extends 'object'
            ? S extends { readonly properties: infer P }
              ? ObjectOf<P, S extends { readonly required: readonly (infer R)[] } ? R : never>
              : Record<string, unknown>
            : unknown;

type ObjectOf<P, R> = Simplify<
  { -readonly [K in keyof P as K extends R ? K : never]: FromSchema<P[K]> } & {
    -readonly [K in keyof P as K extends R ? never : K]?: FromSchema<P[K]>;
  }
>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
