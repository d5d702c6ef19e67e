import { describe, expect, test } from 'vitest';
import { parseArgs } from './args.js';

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

  test('a value may start with a single dash; -h asks for help', () => {
    const parsed = parseArgs(['--data', '-1', '-h', '-'], specs);
    expect(parsed.flags.get('data')).toBe('-1');
    expect(parsed.help).toBe(true);
    expect(parsed.positionals).toEqual(['-']);
  });

  test.each([
    [['--nope'], 'unknown flag --nope'],
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
