// jcs/input + jcs/output (RFC 8785 test data) and jcs/numbers/*.csv (IEEE-754 bits → text).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareText, need, runCase } from './check.mjs';

/** Each input file canonicalizes to its output file, byte for byte. */
export function jcsFileCases(inputDir, outputDir, names, api) {
  const jcsCanonicalize = need(api, 'jcsCanonicalize');
  return names.map((name) =>
    runCase(name, () => {
      let expected;
      try {
        expected = readFileSync(path.join(outputDir, name));
      } catch {
        return `no output/${name} to compare with`;
      }
      const value = JSON.parse(readFileSync(path.join(inputDir, name), 'utf8'));
      const actual = Buffer.from(jcsCanonicalize(value), 'utf8');
      if (actual.equals(expected)) return undefined;
      return (
        compareText('canonical text', actual.toString('utf8'), expected.toString('utf8')) ??
        'bytes differ'
      );
    }),
  );
}

/** The double whose IEEE-754 bits are the hex digits given (leading zeros may be left out). */
export function doubleFromBits(hex) {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** `hex,expected[,comment]` rows (a header line is skipped); `ERROR` must be refused. */
export function jcsNumberCases(text, api) {
  const jcsCanonicalize = need(api, 'jcsCanonicalize');
  const rows = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return rows
    .filter((line, i) => !(i === 0 && !/^[0-9a-f]{1,16},/i.test(line)))
    .map((line) => {
      const [hex = '', expected = ''] = line.split(',');
      return runCase(hex, () => {
        if (!/^[0-9a-f]{1,16}$/i.test(hex))
          return `not a hex IEEE-754 value: ${JSON.stringify(hex)}`;
        const n = doubleFromBits(hex);
        if (expected !== 'ERROR') return compareText('number text', jcsCanonicalize(n), expected);
        try {
          const out = jcsCanonicalize(n);
          return `expected a refusal, got ${JSON.stringify(out)}`;
        } catch (error) {
          return error?.name === 'SignetConfigError'
            ? undefined
            : `expected SignetConfigError, got ${error?.name}`;
        }
      });
    });
}
