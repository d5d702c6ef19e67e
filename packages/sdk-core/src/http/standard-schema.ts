/**
 * The Standard Schema interface, version 1 (https://standardschema.dev), written out here
 * so that any validator implementing it (zod ≥ 3.24, valibot ≥ 1, arktype ≥ 2…) plugs in
 * without signet depending on one. The spec is this interface: a validator carries a
 * `~standard` property with `validate`. Structural typing does the rest.
 */

/** A validator of values of type `Output` (from `Input`), as Standard Schema v1 describes it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaProps<Input, Output>;
}

/** The `~standard` property. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  /** Always 1. */
  readonly version: 1;
  /** The library: `zod`, `valibot`, `arktype`… */
  readonly vendor: string;
  /** Checks a value: the typed value on success, the issues otherwise. */
  readonly validate: (
    value: unknown,
  ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
  /** Type-only: the inferred input and output types. */
  readonly types?: StandardSchemaTypes<Input, Output> | undefined;
}

/** `validate`'s answer: the (possibly transformed) value, or the issues. */
export type StandardSchemaResult<Output> = StandardSchemaSuccess<Output> | StandardSchemaFailure;

/** A value that passed. */
export interface StandardSchemaSuccess<Output> {
  readonly value: Output;
  readonly issues?: undefined;
}

/** A value that did not pass, with why. */
export interface StandardSchemaFailure {
  readonly issues: readonly StandardSchemaIssue[];
}

/** One problem a validator found. */
export interface StandardSchemaIssue {
  readonly message: string;
  /** Where in the value: keys, or `{ key }` segments. */
  readonly path?: readonly (PropertyKey | StandardSchemaPathSegment)[] | undefined;
}

/** A path segment given as an object. */
export interface StandardSchemaPathSegment {
  readonly key: PropertyKey;
}

/** The input and output types, for type inference only. */
export interface StandardSchemaTypes<Input = unknown, Output = Input> {
  readonly input: Input;
  readonly output: Output;
}

/** The output type of a Standard Schema validator: `InferSchemaOutput<typeof Order>`. */
export type InferSchemaOutput<S extends StandardSchemaV1> = NonNullable<
  S['~standard']['types']
>['output'];
