// What the CLI says when a command line is almost right: the flag or command it most
// likely meant, the JitAi base URL shape after a 404, and the call options it accepts.
// In process (runCli) against the testing kit's JitAi emulator on 127.0.0.1.
import { createJitaiEmulator, serveEmulator } from '@signet/sdk-testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/run.js';

const KEY = { accessKey: 'cliHints01', accessSecret: 'cli-hints-secret-77aa' };
const env = { SIGNET_ACCESS_KEY: KEY.accessKey, SIGNET_ACCESS_SECRET: KEY.accessSecret };

function io(environment: Record<string, string> = env) {
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
      readStdin: async () => '',
      stdinIsTTY: false,
      env: environment,
    },
  };
}

describe('CLI messages', () => {
  const app = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query'] }],
    services: { 'services.OrderSvc': { query: (args) => ({ echo: args }) } },
  });
  let server: Awaited<ReturnType<typeof serveEmulator>>;
  beforeAll(async () => {
    server = await serveEmulator(app);
  });
  afterAll(() => server.close());

  test('an unknown flag names the one it most likely meant, never its value', async () => {
    const { io: t, out } = io();
    const code = await runCli(['call', 'services.OrderSvc.query', '--base-ur=s3cr3t-ish'], t);
    expect(code).toBe(2);
    expect(out.stderr).toBe(
      'SignetConfigError: unknown flag --base-ur (did you mean --base-url?)\n',
    );
  });

  test('an unknown command names the one it most likely meant', async () => {
    const { io: t, out } = io();
    expect(await runCli(['reqest', 'GET', 'http://127.0.0.1/'], t)).toBe(2);
    expect(out.stderr).toMatch(
      /^SignetConfigError: unknown command "reqest" \(did you mean request\?\)/,
    );
  });

  test('a 404 from a base URL without /api/{orgId}/{appName} says so', async () => {
    const { io: t, out } = io();
    const code = await runCli(['call', 'services.OrderSvc.query', '--base-url', server.url], t);
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/^SignetHttpError: .*404/);
    expect(out.stderr).toContain(
      "hint: a JitAi base URL ends in /api/{orgId}/{appName} (this one's path is /)",
    );
  });

  test('the right base URL, with the call-loop flags, calls and prints the result', async () => {
    const { io: t, out } = io();
    const code = await runCli(
      [
        'call',
        'services.OrderSvc.query',
        `--base-url=${server.url}${app.basePath}`,
        '--data={"orderId":"9"}',
        '--idempotent',
        '--total-timeout=20000',
        '--max-response-bytes=65536',
        '--redirect=same-origin',
      ],
      t,
    );
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ echo: { orderId: '9' } });
  });

  test.each([
    [['--redirect=follow'], 'SignetConfigError: --redirect must be error or same-origin\n'],
    [
      ['--max-response-bytes=0'],
      'SignetConfigError: --max-response-bytes must be an integer ≥ 1, got "0"\n',
    ],
    [
      ['--total-timeout', 'soon'],
      'SignetConfigError: --total-timeout must be an integer ≥ 1, got "soon"\n',
    ],
    [['--idempotent=yes'], 'SignetConfigError: --idempotent is a switch: it takes no value\n'],
  ])('%j is refused before sending', async (flags, message) => {
    const { io: t, out } = io();
    const args = ['call', 'services.OrderSvc.query', `--base-url=${server.url}${app.basePath}`];
    expect(await runCli([...args, ...flags], t)).toBe(2);
    expect(out.stderr).toBe(message);
    expect(app.calls.length).toBe(1); // the successful call above only
  });
});
