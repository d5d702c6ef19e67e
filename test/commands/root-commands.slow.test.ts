// The README's repository commands as a user types them: `npm run signet -- …` resolves
// `--data @file` in the directory the command was typed in (not the repository root), and
// `npm run vectors` ends with the `N passed, M failed` line. Both go through
// scripts/bootstrap.sh, as from a fresh clone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const elsewhere = mkdtempSync(join(tmpdir(), 'signet-caller-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

function npmRun(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync('npm', ['--prefix', root, 'run', '--silent', ...args], {
    cwd: elsewhere,
    encoding: 'utf8',
    env: { ...process.env, ...env, INIT_CWD: elsewhere, SIGNET_CALLER_CWD: '' },
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('root commands', () => {
  test('npm run signet -- debug-sign --data @args.json reads the file where it was typed', () => {
    writeFileSync(join(elsewhere, 'args.json'), '{"orderId":"1001"}');
    const secret = 'root-commands-secret-31';
    const res = npmRun(
      [
        'signet',
        '--',
        'debug-sign',
        '--profile',
        'jitai',
        '--data',
        '@args.json',
        '--timestamp',
        '1',
      ],
      { SIGNET_ACCESS_SECRET: secret },
    );
    expect(res.stderr.replace(/^\[bootstrap\].*\n/gm, '')).toBe('');
    expect(res.status).toBe(0);
    const printed = JSON.parse(res.stdout);
    expect(printed.paramStr).toBe('orderid=1001&secret=*********************&timestamp=1');
    expect(res.stdout).not.toContain(secret);
  });

  test('npm run vectors ends with N passed, 0 failed', () => {
    const res = npmRun(['vectors']);
    expect(res.status).toBe(0);
    expect(res.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
});
