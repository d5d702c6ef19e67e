// Any command line, stdin and environment: `signet` exits 0, 1 or 2, prints failures as
// `<ErrorName>: <message>` (no stack trace), and never prints a secret it was given.
// In-process (runCli) so thousands of command lines stay fast; no command here reaches
// the network or writes a file.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/run.js';

const SECRET = 'cli-secret-4f1d8e2a9b';

const value = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom(
    SECRET,
    '',
    '-',
    '@-',
    '@/nonexistent/file.json',
    '{"orderId":"1001"}',
    '{"a":1,"A":2}',
    '{"n":1e999}',
    '[1,2]',
    'null',
    '{',
    '1764647507632',
    '-1',
    'NaN',
    '1e3',
    'jitai',
    'dataflux',
    'hmac',
    'bearer',
    'fixed',
    'basic',
    'digest',
    'header',
    'query',
    'body',
    'GET',
    '/x?y=1',
    'services.OrderSvc.query',
    'services',
    'ftp://host/',
  ),
);
const flag = fc.constantFrom(
  '--profile',
  '--data',
  '--timestamp',
  '--nonce',
  '--method',
  '--path',
  '--auth',
  '--access-key',
  '--access-secret',
  '--ak-id',
  '--ak-secret',
  '--key-id',
  '--secret',
  '--token',
  '--in',
  '--name',
  '--value',
  '--user',
  '--password',
  '--now',
  '--window-ms',
  '--from',
  '--algorithm',
  '--encoding',
  '--body-hash',
  '--timeout',
  '--retry',
  '--verbose',
  '--help',
  '--bogus',
  '-x',
  '--',
);
const SECRET_FLAGS = ['--access-secret', '--ak-secret', '--secret', '--password', '--token'];
const argv = fc
  .tuple(
    fc.constantFrom('debug-sign', 'verify-response', 'keygen', 'gen', 'help', 'frobnicate', ''),
    fc.array(
      fc.oneof(
        fc.tuple(flag, value).map(([f, v]) => [f, v]),
        fc.tuple(flag, value).map(([f, v]) => [`${f}=${v}`]),
        value.map((v) => [v]),
      ),
      { maxLength: 7 },
    ),
  )
  .map(([command, parts]) => (command === '' ? parts.flat() : [command, ...parts.flat()]));

describe('signet on any command line', () => {
  test('exit 0/1/2, `<Name>: message` failures, no stack, no secret', async () => {
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        argv,
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        async (args, stdin, secretInEnv) => {
          let stdout = '';
          let stderr = '';
          const code = await runCli(args, {
            stdout: (t) => {
              stdout += t;
            },
            stderr: (t) => {
              stderr += t;
            },
            readStdin: async () => stdin,
            stdinIsTTY: false,
            env: secretInEnv ? { SIGNET_ACCESS_SECRET: SECRET, SIGNET_AK_SECRET: SECRET } : {},
          });
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect([0, 1, 2]).toContain(code);
          expect(stderr).not.toMatch(/\n\s+at /);
          if (code !== 0 && !stderr.startsWith('usage') && !stderr.startsWith('signet')) {
            expect(stderr).toMatch(/^[A-Za-z]+: /);
          }
          // A secret given as a secret flag or in the environment is never printed.
          const given = args.some((a, i) => SECRET_FLAGS.includes(a) && args[i + 1] === SECRET);
          const inline = args.some((a) => SECRET_FLAGS.some((f) => a === `${f}=${SECRET}`));
          if (secretInEnv || given || inline) {
            expect(`${stdout}${stderr}`).not.toContain(SECRET);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(codes.get(2) ?? 0).toBeGreaterThan(0);
  });
});
