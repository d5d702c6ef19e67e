// Whole command lines through `runCli`, in process, with a fake terminal.
import { describe, expect, test } from 'vitest';
import { runCli } from './run.js';

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
