#!/usr/bin/env node
// `pnpm fuzz`: the hostile-input properties of `npm test` with their own generators, at
// --runs cases each (default 10 000) on --seed (default: a new one, printed), the secret
// scan, and the fault scenarios with their retry/duplicate accounting. Prints the tables of
// RELIABILITY.md's "Hostile responses", "Faults" and "Secrets" sections; exits non-zero on
// any failure. Reproduce a run with the same --runs and --seed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFaults } from './faults.mjs';
import { machine, root, table, today } from './harness.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const runs = Number(arg('runs') ?? 10_000);
const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: pnpm fuzz [--runs N] [--seed S]');
  process.exit(2);
}

/** Every property test on hostile input, and the secret sweep. */
const FILES = [
  'packages/sdk-core/test/hostile-responses.test.ts',
  'packages/sdk-core/src/jitai/verify-forgery.test.ts',
  'packages/sdk-node/test/hostile-transport.test.ts',
  'packages/sdk-testing/test/verifiers-hostile.test.ts',
  'packages/sdk-node/test/signing-handler-hostile.test.ts',
  'packages/sdk-node/test/secret-scan.test.ts',
];

const out = mkdtempSync(path.join(os.tmpdir(), 'signet-fuzz-'));
console.error(`fuzz: ${runs} cases per property, seed ${seed} (results in ${out})`);
const started = Date.now();
const vitest = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...FILES,
    '--testTimeout=7200000',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(out, 'vitest.json')}`,
  ],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      SIGNET_FUZZ_RUNS: String(runs),
      SIGNET_FUZZ_SEED: String(seed),
      SIGNET_RELIABILITY_OUT: out,
    },
  },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const report = JSON.parse(readFileSync(path.join(out, 'vitest.json'), 'utf8'));
const properties = readFileSync(path.join(out, 'fuzz.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const scan = JSON.parse(readFileSync(path.join(out, 'secret-scan.json'), 'utf8'));

const short = (file) => path.relative(root, file);
const hostile = table(
  ['property (file › test)', 'cases', 'failed', 'what the cases ended in'],
  properties.map((p) => [
    `${short(p.file)} › ${p.test}`,
    p.numRuns,
    p.failed ? '**yes**' : '0',
    p.outcomes
      ? Object.entries(p.outcomes)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')
      : 'what the test name says, asserted case by case',
  ]),
);
const totalCases = properties.reduce((sum, p) => sum + p.numRuns, 0);
const sum = (key) => properties.reduce((s, p) => s + (p.outcomes?.[key] ?? 0), 0);

const faults = await runFaults();

const lines = [
  `Measured ${today()} on ${machine()}, with \`pnpm fuzz --runs ${runs} --seed ${seed}\` (${minutes} min for the vitest part).`,
  '',
  '### Hostile responses',
  '',
  `${properties.length} properties, ${totalCases} cases; ${properties.filter((p) => p.failed).length} failed. Counted by the properties that count: crashes ${sum('crashes')}, hangs ${sum('hangs')}, unhandled rejections ${sum('unhandled')}, forgeries accepted ${sum('forgeries')}. Vitest: ${report.numPassedTests} tests passed, ${report.numFailedTests} failed${report.success ? '' : ' (or errors outside tests)'}.`,
  '',
  hostile,
  '',
  '### Faults',
  '',
  faults.markdown,
  '',
  `Calls without \`idempotent: true\` run twice on the server: ${faults.rows.filter((r) => !r.optIn).reduce((s, r) => s + r.executedTwice, 0)}.`,
  '',
  '### Secrets',
  '',
  table(
    [
      'auth modes',
      'echo modes',
      'CLI auth modes',
      'requests',
      'errors',
      'records',
      'debug reports',
      'CLI outputs',
      'artefacts scanned',
      'needles',
      'hits',
    ],
    [
      [
        scan.authModes,
        scan.echoModes,
        scan.cliModes,
        scan.requests,
        Object.entries(scan.errors)
          .map(([k, n]) => `${n} ${k}`)
          .join(', '),
        scan.records,
        scan.reports,
        scan.cliOutputs,
        scan.artefacts,
        scan.needles,
        scan.hits,
      ],
    ],
  ),
];
console.log(lines.join('\n'));
rmSync(out, { recursive: true, force: true });
const ok =
  vitest.status === 0 &&
  report.success &&
  properties.every((p) => !p.failed) &&
  faults.violations.length === 0 &&
  scan.hits === 0;
process.exit(ok ? 0 : 1);
