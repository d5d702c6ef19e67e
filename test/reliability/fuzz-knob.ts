// One knob for every fast-check property test: in `npm test` each runs its own sample on a
// fixed seed (the same cases every run); `pnpm fuzz` (test/reliability/fuzz.mjs) runs the
// same properties, generators and all, with SIGNET_FUZZ_RUNS cases on SIGNET_FUZZ_SEED and
// collects what each run did into SIGNET_RELIABILITY_OUT.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type fc from 'fast-check';
import { expect } from 'vitest';

/** The seed of `npm test`'s samples. */
export const NPM_TEST_SEED = 20_251_202;

/** One property's run, as `pnpm fuzz` reports it. */
export interface FuzzRun {
  file: string;
  test: string;
  numRuns: number;
  failed: boolean;
  seed: number;
  /** What the property counted itself (outcomes by kind), when it did. */
  outcomes?: Record<string, number>;
}

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${raw}`);
  return n;
}

/** True under `pnpm fuzz` (the properties may raise their own budgets, e.g. timeouts). */
export const FUZZING: boolean = envInteger('SIGNET_FUZZ_RUNS') !== undefined;

/**
 * fast-check parameters: `numRuns` cases on the fixed seed in `npm test`, or the fuzz run's
 * count and seed. `outcomes`, when given, is written out with the run (a property that
 * counts what it saw: results, typed errors by name, forgeries).
 */
export function fuzzParams<T>(
  numRuns: number,
  outcomes?: Record<string, number>,
): fc.Parameters<T> {
  const runs = envInteger('SIGNET_FUZZ_RUNS') ?? numRuns;
  const seed = envInteger('SIGNET_FUZZ_SEED') ?? NPM_TEST_SEED;
  const out = process.env.SIGNET_RELIABILITY_OUT;
  const record: fc.Plugin<T> = () => ({
    onAllRunsComplete(details) {
      if (!out) return;
      const state = expect.getState();
      const run: FuzzRun = {
        file: state.testPath ?? '',
        test: state.currentTestName ?? '',
        numRuns: details.numRuns,
        failed: details.failed,
        seed: details.seed,
        ...(outcomes ? { outcomes: { ...outcomes } } : {}),
      };
      mkdirSync(out, { recursive: true });
      appendFileSync(join(out, 'fuzz.jsonl'), `${JSON.stringify(run)}\n`);
    },
  });
  return { numRuns: runs, seed, plugins: [record] };
}
