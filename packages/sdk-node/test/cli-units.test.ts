// The CLI's building blocks, in process: argv parsing, JSON output, masking, scheme
// inference, and a few whole command lines through `runCli` with a fake terminal.
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { inferAuthKind } from '../src/cli/auth.js';
import { formatJson, Masker } from '../src/cli/output.js';
import { runCli } from '../src/cli/run.js';

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

describe('formatJson', () => {
  test('bigints as exact integers, everything else as JSON.stringify with two spaces', () => {
    const value = { a: 2n ** 70n, b: [-(2n ** 64n), 1.5, 'x'], c: undefined, d: null };
    expect(formatJson(value)).toBe(
      '{\n  "a": 1180591620717411303424,\n  "b": [\n    -18446744073709551616,\n    1.5,\n    "x"\n  ],\n  "d": null\n}',
    );
    expect(formatJson(undefined)).toBe('null');
    expect(formatJson(42n)).toBe('42');
  });

  test('strings that look like the internal bigint mark stay strings', () => {
    const tricky = '\u0000ffffffff-ffff-4fff-8fff-ffffffffffff:12';
    expect(JSON.parse(formatJson({ tricky }))).toEqual({ tricky });
  });

  test('Headers print as an object of lower-case names', () => {
    expect(JSON.parse(formatJson(new Headers({ 'X-A': '1' })))).toEqual({ 'x-a': '1' });
  });
});

describe('Masker', () => {
  test('masks raw, JSON-escaped and URL-encoded forms; leaves short values alone', () => {
    const masker = new Masker();
    masker.add('s3cr"et/+');
    masker.add('abc');
    masker.add(undefined);
    const text = `raw s3cr"et/+ json ${JSON.stringify('s3cr"et/+')} url ${encodeURIComponent('s3cr"et/+')} abc`;
    expect(masker.mask(text)).toBe('raw *** json "***" url *** abc');
  });

  test('a secret holding another is masked whole', () => {
    const masker = new Masker();
    masker.add('token');
    masker.add('token-long-value');
    expect(masker.mask('x token-long-value y token')).toBe('x *** y ***');
  });
});

describe('inferAuthKind', () => {
  const all = {
    accessKey: 'k1234567',
    accessSecret: 's1',
    token: 't1',
    keyId: 'kid',
    secret: 'hs',
  };

  test('the command line decides; else the first complete scheme of the order', () => {
    expect(inferAuthKind({ creds: all, explicit: new Set(['token']) }, ['jitai'])).toBe('bearer');
    expect(inferAuthKind({ creds: all, explicit: new Set() }, ['jitai', 'bearer'])).toBe('jitai');
    expect(inferAuthKind({ creds: all, explicit: new Set() }, ['hmac', 'jitai'])).toBe('hmac');
    expect(inferAuthKind({ creds: { token: 't' }, explicit: new Set() }, ['jitai'])).toBe(
      undefined,
    );
  });

  test('two schemes on the command line, or a bare user and password, need --auth', () => {
    expect(() =>
      inferAuthKind({ creds: all, explicit: new Set(['token', 'accessSecret']) }, []),
    ).toThrow(/several schemes \(jitai, bearer\)/);
    expect(() =>
      inferAuthKind(
        { creds: { username: 'u', password: 'p' }, explicit: new Set(['username']) },
        [],
      ),
    ).toThrow('choose --auth basic or --auth digest');
  });
});

describe('runCli in process', () => {
  function fakeIo(env: Record<string, string> = {}, stdin = '') {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: (text: string) => {
          out.stdout += text;
        },
        stderr: (text: string) => {
          out.stderr += text;
        },
        readStdin: async () => stdin,
        stdinIsTTY: false,
        env,
      },
    };
  }

  test('help topics', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['help', 'keygen'], io)).toBe(0);
    expect(out.stdout.startsWith('Usage: signet keygen')).toBe(true);
    expect(await runCli(['help', 'nope'], io)).toBe(2);
    expect(await runCli(['--version'], io)).toBe(0);
    expect(out.stdout).toMatch(/\n\d+\.\d+\.\d+\n$/);
  });

  test('request refuses a URL with credentials in it, and a malformed --header', async () => {
    const { io, out } = fakeIo({ SIGNET_TOKEN: 'tok-12345' });
    expect(await runCli(['request', 'GET', 'http://u:p@localhost/'], io)).toBe(2);
    expect(out.stderr).toBe(
      'SignetConfigError: <url> must not hold credentials: use the auth flags\n',
    );
    out.stderr = '';
    expect(await runCli(['request', 'GET', 'http://localhost/', '--header', 'nocolon'], io)).toBe(
      2,
    );
    expect(out.stderr).toBe("SignetConfigError: --header must look like 'Name: value'\n");
  });

  test('request without any credential asks for --auth none', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['request', 'GET', 'http://localhost/'], io)).toBe(2);
    expect(out.stderr).toMatch(/--auth none for an unsigned request\n$/);
  });

  test('debug-sign --data @- reads standard input; bad JSON is a usage error', async () => {
    const { io, out } = fakeIo({ SIGNET_ACCESS_SECRET: 'abcdefgh' }, '{"a":');
    expect(await runCli(['debug-sign', '--profile', 'jitai', '--data', '@-'], io)).toBe(2);
    expect(out.stderr).toMatch(/^SignetConfigError: --data is not valid JSON: /);
  });
});
