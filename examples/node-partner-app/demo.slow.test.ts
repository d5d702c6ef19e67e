import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The README's first command, run as a user runs it: a child process on the built
// packages. Exit code and transcript are checked.
test('the demo runs every example against the emulators and exits 0', () => {
  const demo = fileURLToPath(new URL('./demo.ts', import.meta.url));
  const run = spawnSync(process.execPath, [demo], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const out = run.stdout;
  for (const line of [
    /call services\.OrderSvc\.query \{"orderId":"1001"\} → \{"orderId":"1001","status":"PAID"/,
    /"ratio":1,"revenueCents":12345678901234567890\}/,
    /data\.data on the wire, as signed: \{"ratio":1\.0,"revenueCents":12345678901234567890,"year":2026\}/,
    /accessKey: partner01 timestamp: \d{13} accessSign: \*\*\*/,
    /bearer call services\.PublicSvc\.ping → \{"pong":true/,
    /X-Dff-Ak-Nonce: [0-9a-f]{32} X-Dff-Ak-Sign: \*\*\*/,
    /sync digest-api \(HTTP Digest\)/,
    /attempts: 2 then 1/,
    /rejected as expected: SignetApiError errcode=20005/,
    /refused before sending: SignetConfigError/,
    /rejected as expected: SignetApiError EUserAuth 401\.14 "Invalid Access Key sign\. Hint: /,
    /record: POST \/api\/whwy\/demoapp\/services\/OrderSvc\/query .* ok=true errcode=0/,
    /no secret was printed/,
  ]) {
    expect(out).toMatch(line);
  }
  // The last line is the tally: every call counted by the emulators, the three provoked
  // rejections, nothing unexpected.
  expect(out.trimEnd().split('\n').at(-1)).toMatch(
    /^\d+ calls, 3 typed errors as expected, 0 surprises$/,
  );
  expect(out).not.toContain('✗ unexpected');
  for (const secret of [
    'c58929c718f844abaaae2461ea1b2ff8024a96',
    'sk-demo-0f3c9a71b2',
    'digest-pass-92a',
  ]) {
    expect(out).not.toContain(secret);
  }
});
