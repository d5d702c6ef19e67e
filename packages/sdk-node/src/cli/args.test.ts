import { describe, expect, test } from 'vitest';
import { nearest, parseArgs } from './args.js';

const specs = [
  { name: 'data', value: 'JSON', help: '' },
  { name: 'header', value: 'H', multiple: true, help: '' },
  { name: 'include', help: '' },
];
describe('parseArgs', () => {
  test('values, =values, switches, repeatable flags, positionals and --', () => {
    const parsed = parseArgs(
      ['GET', '--data', '{"a":1}', '--header=A: 1', '--include', '--header', 'B: 2', '--', '--x'],
      specs,
    );
    expect(parsed.positionals).toEqual(['GET', '--x']);
    expect(parsed.flags.get('data')).toBe('{"a":1}');
    expect(parsed.flags.get('header')).toEqual(['A: 1', 'B: 2']);
    expect(parsed.flags.get('include')).toBe(true);
    expect(parsed.help).toBe(false);
  });

  test('a negative number is a positional', () => {
    expect(parseArgs(['-12', '--data', '1', '-3'], specs).positionals).toEqual(['-12', '-3']);
  });

  test('a value given inline is never echoed, even for an unknown flag', () => {
    expect(() => parseArgs(['--data=1', '--data=s3cr3t'], specs)).toThrow(
      /^--data is given twice$/,
    );
  });

  test.each([
    ['base-ur', ['base-url', 'data'], 'base-url'],
    ['acess-key', ['access-key', 'access-secret'], 'access-key'],
    ['timeuot', ['timeout', 'retry'], 'timeout'],
    ['zzz', ['timeout', 'retry'], undefined],
    ['a', ['ab', 'ac'], undefined],
  ])('nearest(%s) → %s', (name, known, expected) => {
    expect(nearest(name, known)).toBe(expected);
  });

  test('a value may start with a single dash; -h asks for help', () => {
    const parsed = parseArgs(['--data', '-1', '-h', '-'], specs);
    expect(parsed.flags.get('data')).toBe('-1');
    expect(parsed.help).toBe(true);
    expect(parsed.positionals).toEqual(['-']);
  });

  test.each([
    [['--nope'], 'unknown flag --nope'],
    [['--dat'], 'unknown flag --dat (did you mean --data?)'],
    [['--hedaer', 'A: 1'], 'unknown flag --hedaer (did you mean --header?)'],
    [['--includ=secret-value'], 'unknown flag --includ (did you mean --include?)'],
    [['-hx'], 'unknown option -h: flags are spelt --name'],
    [['--nope=secret-value'], 'unknown flag --nope'],
    [['-x'], 'unknown option -x: flags are spelt --name'],
    [['--data'], '--data needs a value (JSON)'],
    [['--data', '--include'], '--data needs a value (JSON)'],
    [['--include=yes'], '--include is a switch: it takes no value'],
    [['--data', '1', '--data', '2'], '--data is given twice'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(message);
  });
});
