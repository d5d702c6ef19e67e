// The shared conformance vectors (`../shared/vectors` beside the repository, or
// SIGNET_VECTORS_DIR), typed as vectors/README.md describes them: the one loader every
// test that walks them uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DigestAlgorithm } from '../../packages/sdk-core/src/digest/compute.js';

export const VECTORS_DIR: string =
  process.env.SIGNET_VECTORS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/vectors');

/** signet's own vectors in the same formats (`test/vectors/extra/README.md`). */
export const EXTRA_VECTORS_DIR: string = path.resolve(import.meta.dirname, 'extra');

/**
 * One vector file: its cases and the count it announces. The files keep Python number
 * lexemes; read through JSON.parse, the fields used here (strings, safe integers) are
 * exact. Where a lexeme matters, a case carries the text (`argsJson`, `bodyText`).
 */
export function readVectors<T>(
  file: string,
  dir: string = VECTORS_DIR,
): { count: number; cases: T[] } {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    count: number;
    cases: T[];
  };
}

/**
 * Every JitAi request case: `jitai/requests.json` of the shared vectors, then signet's own
 * `jitai/masking.json` (secrets and arg values that only per-part masking gets right).
 */
export function jitaiRequestVectors(): JitaiRequestVector[] {
  return [
    ...readVectors<JitaiRequestVector>('jitai/requests.json').cases,
    ...readVectors<JitaiRequestVector>('jitai/masking.json', EXTRA_VECTORS_DIR).cases,
  ];
}

/** `jitai/requests.json`. */
export interface JitaiRequestVector {
  name: string;
  secret: string;
  timestamp: number;
  argsJson: string;
  paramStr: string;
  paramStrMasked: string;
  accessSign: string;
  needsLosslessNumbers: boolean;
}

/** `jitai/responses.json`. */
export interface JitaiResponseVector {
  name: string;
  secret: string;
  now: number;
  bodyText: string;
  expect: 'ok' | 'bad-signature' | 'expired';
}

/** `dataflux/requests.json`. */
export interface DataFluxVector {
  name: string;
  akSecret: string;
  method: string;
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  body: unknown;
  jsonDumps: string;
  bodyMd5: string;
  stringToSign: string;
  sign: string;
}

/** `hmac/rfc4231.json`. */
export interface Rfc4231Vector {
  id: string;
  name: string;
  key: string;
  data: string;
  truncateBits?: number;
  expected: Record<string, string>;
}

/** `digest/rfc7616.json`. */
export interface DigestVector {
  id: string;
  challenge?: string;
  algorithm: DigestAlgorithm;
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  opaque?: string;
  qop?: 'auth';
  nc?: string;
  cnonce?: string;
  response: string;
  authorization?: string;
}
