import { SignetConfigError, SignetValidationError, type SignetValidationIssue } from '../errors.js';
import type { BigIntMode } from '../json/lossless.js';
import type { StandardSchemaIssue, StandardSchemaV1 } from './standard-schema.js';

/**
 * The shape a result must have, as `signet gen` writes it for each API whose result type
 * it knows: `string`, `number`, `boolean`, `object` or `0|1`, followed by `[]` once per
 * level of array (`object[]`, `number[][]`). `unknown` accepts anything.
 */
export type ResultShape = string;

/** What a call expects of its verified result. */
export interface ResultExpectation {
  /** Checked first: the shape codegen knows (cheap, no dependency). */
  shape?: ResultShape | undefined;
  /** Then any Standard Schema validator; its output (transforms included) is the result. */
  schema?: StandardSchemaV1 | undefined;
}

const BASES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'string',
  'number',
  'boolean',
  'object',
  '0|1',
  'unknown',
]);
const SHAPE = /^([a-z0-9|]+)((?:\[\])*)$/;

/** Refuses what is neither a shape nor a Standard Schema validator, naming the option. */
export function checkExpectation(expect: ResultExpectation, where: string): void {
  if (expect.shape !== undefined) parseShape(expect.shape, `${where} shape`);
  const schema = expect.schema as { '~standard'?: { validate?: unknown } } | undefined;
  if (schema !== undefined && typeof schema?.['~standard']?.validate !== 'function') {
    throw new SignetConfigError(
      `${where} schema must be a Standard Schema validator (an object with ~standard.validate: zod, valibot, arktype…)`,
    );
  }
}

function parseShape(shape: unknown, where: string): { base: string; depth: number } {
  const match = typeof shape === 'string' ? SHAPE.exec(shape) : null;
  if (match === null || !BASES.has(match[1]!)) {
    throw new SignetConfigError(
      `${where} ${JSON.stringify(shape)} is not a result shape: use string, number, boolean, object, 0|1 or unknown, each optionally followed by [] per array level`,
    );
  }
  return { base: match[1]!, depth: match[2]!.length / 2 };
}

/**
 * The verified result checked against what the call expects: the value the schema gives
 * back, or a SignetValidationError naming where the result differs.
 */
export async function checkResult(
  value: unknown,
  expect: ResultExpectation | undefined,
  what: string,
  bigint: BigIntMode,
): Promise<unknown> {
  if (expect === undefined) return value;
  if (expect.shape !== undefined) {
    const { base, depth } = parseShape(expect.shape, `${what}: shape`);
    const issues: SignetValidationIssue[] = [];
    shapeIssues(value, base, depth, [], issues, bigint);
    if (issues.length > 0) throw validationError(what, `shape ${expect.shape}`, issues, value);
  }
  if (expect.schema === undefined) return value;
  const props = expect.schema['~standard'];
  const result = await props.validate(value);
  if (result.issues === undefined) return result.value;
  const issues = result.issues.map(toIssue);
  throw validationError(what, `${props.vendor} schema`, issues, value, props.vendor);
}

function toIssue(issue: StandardSchemaIssue): SignetValidationIssue {
  const path = (issue.path ?? []).map((segment) =>
    typeof segment === 'object' && segment !== null ? segment.key : segment,
  );
  return { message: String(issue.message), path };
}

const MAX_SHAPE_ISSUES = 20;

function shapeIssues(
  value: unknown,
  base: string,
  depth: number,
  path: PropertyKey[],
  out: SignetValidationIssue[],
  bigint: BigIntMode,
): void {
  if (out.length >= MAX_SHAPE_ISSUES) return;
  if (depth > 0) {
    if (!Array.isArray(value)) {
      out.push({ message: `expected an array, got ${describe(value)}`, path });
      return;
    }
    value.forEach((item, i) => {
      shapeIssues(item, base, depth - 1, [...path, i], out, bigint);
    });
    return;
  }
  if (!fitsBase(value, base, bigint)) {
    out.push({ message: `expected ${expected(base)}, got ${describe(value)}`, path });
  }
}

function fitsBase(value: unknown, base: string, bigint: BigIntMode): boolean {
  switch (base) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      // Integers beyond 2^53 come back as bigint, or as decimal strings with bigint: 'string'.
      return (
        typeof value === 'number' ||
        typeof value === 'bigint' ||
        (bigint === 'string' && typeof value === 'string' && isBigIntegerText(value))
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case '0|1':
      return value === 0 || value === 1;
    default:
      return true;
  }
}

function isBigIntegerText(text: string): boolean {
  return /^-?[1-9]\d*$/.test(text) && !Number.isSafeInteger(Number(text));
}

function expected(base: string): string {
  if (base === 'object') return 'an object';
  if (base === '0|1') return '0 or 1';
  return `a ${base}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(excerpt(value))}`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return `${typeof value} ${String(value)}`;
  }
  return typeof value === 'object' ? 'an object' : typeof value;
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function validationError(
  what: string,
  checker: string,
  issues: readonly SignetValidationIssue[],
  value: unknown,
  vendor = 'signet',
): SignetValidationError {
  const shown = issues.slice(0, 3).map(formatIssue).join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new SignetValidationError(
    `${what}: the verified result does not pass the ${checker}: ${shown}${more}`,
    { issues, value, vendor },
  );
}

function formatIssue(issue: SignetValidationIssue): string {
  if (issue.path.length === 0) return issue.message;
  const at = issue.path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('');
  return `at ${at.startsWith('.') ? at.slice(1) : at}: ${issue.message}`;
}
