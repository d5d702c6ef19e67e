import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { losslessToValue, parseLossless } from '../json/lossless.js';

/**
 * Parses a definition file's JSON. A syntax error becomes a `SignetConfigError` naming
 * the file, line and column, whatever the JavaScript engine (the lossless parser reports
 * positions itself, where `JSON.parse` messages differ between engines). A leading UTF-8
 * byte-order mark, which Windows editors like to write, is accepted.
 */
export function parseDefinitionJson(text: string, source: string): unknown {
  if (typeof text !== 'string') {
    throw new SignetConfigError(`${source}: the definition text is not a string`);
  }
  // A space keeps every position (and so every line and column) where it was.
  const json = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  try {
    return losslessToValue(parseLossless(json), { bigint: 'number' });
  } catch (error) {
    if (!(error instanceof SignetDecodeError)) throw error;
    let where = '';
    if (!error.message.includes('line ')) {
      const { line, column } = lineAndColumn(json, error.position ?? json.length);
      where = ` (line ${line}, column ${column})`;
    }
    throw new SignetConfigError(`${source}: invalid JSON: ${error.message}${where}`, {
      cause: error,
    });
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
