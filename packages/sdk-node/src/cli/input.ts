import { readFile } from 'node:fs/promises';
import {
  type LosslessJson,
  losslessToValue,
  parseLossless,
  SignetConfigError,
} from '@signet/sdk-core';
import type { CliIo } from './output.js';

/** Flags holding text that may name a file (`@path`) or standard input (`@-`). */
export async function readText(value: string, flag: string, io: CliIo): Promise<string> {
  if (!value.startsWith('@')) return value;
  const path = value.slice(1);
  if (path === '-') return stripBom(await io.readStdin());
  if (path === '') throw new SignetConfigError(`${flag} @: give a file name after @, or @-`);
  try {
    return stripBom(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'read error';
    throw new SignetConfigError(`${flag} ${value}: cannot read the file (${code})`);
  }
}

/** The text of `--data` parsed without losing number lexemes; usage error when not JSON. */
export function parseDataTree(text: string, flag = '--data'): LosslessJson {
  try {
    return parseLossless(text);
  } catch (error) {
    throw new SignetConfigError(`${flag} is not valid JSON: ${(error as Error).message}`);
  }
}

/** `--data` as JS values: integers beyond 2^53 as bigint, so they go out exact. */
export function parseDataValue(text: string, flag = '--data'): unknown {
  return losslessToValue(parseDataTree(text, flag), { bigint: 'bigint' });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
