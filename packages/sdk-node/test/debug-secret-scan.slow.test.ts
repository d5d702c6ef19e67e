// Every JitAi debug output, scanned for a secret that holds `&` and `=`: diagnose(), the
// errors of a client in debug mode, call records, console output, `signet debug-sign`,
// `signet call --diagnose`, and the testing kit's own debug answers and call records.
// The server masks the secret's part before joining (PROTOCOLS §1), so no fragment of the
// secret may show anywhere, and an arg value holding `&secret=` must come back as sent.
import { JITAI_SECRET_MASK } from '@signet/sdk-core';
import { createJitaiEmulator, type JitaiEmulator, serveEmulator } from '@signet/sdk-testing';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type CallRecord, createJitaiClient, SignetApiError } from '../src/index.js';
import { ensureBuilt, runCli } from './cli-harness.js';

const ACCESS_KEY = 'partnerApp01';
// Masking the joined paramStr (split on `&`) would leave `Fr4g-three`, `secret=Fr4g-four`…
const SECRET = 'Fr4g-one=Fr4g-two&Fr4g-three&secret=Fr4g-four=';
const FRAGMENTS = SECRET.split(/[&=]/).filter((piece) => piece.startsWith('Fr4g'));
const API = 'services.OrderSvc.query';
// The server leaves this value alone: a masking that touched it would differ from it.
const ARGS = { orderId: 'D-1', q: 'a&secret=zz' };
const MASKED = `orderid=D-1&q=a&secret=zz&${JITAI_SECRET_MASK}&timestamp=`;

let jit: JitaiEmulator;
let baseUrl = '';
let close: () => Promise<void> = async () => {};
/** Every body the kit sent back, as the wire carried it. */
const answers: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  jit = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ accessKey: ACCESS_KEY, accessSecret: SECRET, apis: [API] }],
    services: { 'services.OrderSvc': { query: ({ orderId }) => ({ orderId }) } },
  });
  const served = await serveEmulator(jit);
  close = served.close;
  baseUrl = `${served.url}${jit.basePath}`;
}, 120_000);
afterAll(() => close());

const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  answers.push(await response.clone().text());
  return response;
};

test('no debug output holds a fragment of the secret; &secret= in an arg stays as sent', async () => {
  expect(FRAGMENTS).toHaveLength(4);
  const records: CallRecord[] = [];
  const output: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi
      .spyOn(console, m)
      .mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' '))),
  );
  const options = {
    baseUrl,
    accessKey: ACCESS_KEY,
    accessSecret: SECRET,
    retry: 0,
    fetch: recordingFetch,
    onCall: (r: CallRecord) => records.push(r),
  };
  let report: Awaited<ReturnType<ReturnType<typeof createJitaiClient>['diagnose']>>;
  let debugError: unknown;
  try {
    report = await createJitaiClient(options).diagnose(API, ARGS);
    debugError = await createJitaiClient({ ...options, debug: true })
      .call(API, ARGS)
      .catch((e: unknown) => e);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(report).toMatchObject({ identical: true, errcode: 20005 });
  expect(report.ours?.slice(0, MASKED.length)).toBe(MASKED);
  expect(report.ours?.slice(MASKED.length)).toMatch(/^\d+$/);
  expect(report.theirs).toBe(report.ours);
  expect(debugError).toBeInstanceOf(SignetApiError);
  expect((debugError as SignetApiError).detail).toMatchObject({
    debugReport: { identical: true },
  });
  // What the kit answered and recorded: the server's masked paramStr, per part.
  expect(answers).toHaveLength(2);
  for (const answer of answers) expect(answer).toContain(`"paramStr": "${MASKED}`);
  expect(jit.calls.map((c) => c.paramStrMasked)).toEqual([report.ours, expect.any(String)]);

  const signCli = await runCli(
    ['debug-sign', '--profile', 'jitai', '--data', JSON.stringify(ARGS), '--timestamp', '1'],
    { env: { SIGNET_ACCESS_SECRET: SECRET } },
  );
  expect(signCli.code).toBe(0);
  expect(JSON.parse(signCli.stdout).paramStr).toBe(`${MASKED}1`);
  const diagnoseCli = await runCli(
    ['call', API, '--diagnose', '--base-url', baseUrl, '--data', JSON.stringify(ARGS)],
    { env: { SIGNET_ACCESS_KEY: ACCESS_KEY, SIGNET_ACCESS_SECRET: SECRET } },
  );
  expect(diagnoseCli.stderr).toBe('');
  expect(JSON.parse(diagnoseCli.stdout)).toMatchObject({ identical: true });

  const error = debugError as SignetApiError;
  const produced = [
    JSON.stringify(report),
    `${error.message}\n${error.stack}\n${JSON.stringify(error.detail)}`,
    JSON.stringify(records),
    ...output,
    ...answers,
    JSON.stringify(jit.calls),
    signCli.stdout + signCli.stderr,
    diagnoseCli.stdout + diagnoseCli.stderr,
  ].join('\n');
  for (const fragment of FRAGMENTS) {
    expect(produced.includes(fragment), `fragment ${fragment} leaked`).toBe(false);
  }
  expect(produced).toContain('q=a&secret=zz&');
});
