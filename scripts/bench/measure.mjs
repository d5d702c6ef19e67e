// Throughput of synchronous tasks, interleaved: every round times each task once, in a
// rotating order (A B C, B C A, C A B…), so drift, GC pauses and a noisy neighbour hit
// every task alike; a task's figure is the median of its rounds, its spread their range.
import { performance } from 'node:perf_hooks';

/**
 * @typedef {{ name: string, fn: () => unknown }} TaskSpec
 * @typedef {{ name: string, opsPerSec: number, low: number, high: number, rounds: number }} Measured
 */

let sink = 0;
/** Runs `fn` `n` times, keeping each result observable so the work cannot be optimized away. */
function run(fn, n) {
  for (let i = 0; i < n; i++) {
    const out = fn();
    sink ^= typeof out === 'string' ? out.length : 1;
  }
}

/** How many calls of `fn` fill about `ms` milliseconds. */
function calibrate(fn, ms) {
  let n = 1;
  for (;;) {
    const t = performance.now();
    run(fn, n);
    const took = performance.now() - t;
    if (took >= ms / 4) return Math.max(1, Math.round((n * ms) / took));
    n *= 2;
  }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/**
 * Measures every task in one process on the same inputs, interleaved.
 * @param {TaskSpec[]} tasks
 * @param {{ rounds?: number, sliceMs?: number, warmupMs?: number }} [options]
 * @returns {Promise<Measured[]>}
 */
export async function measure(tasks, options = {}) {
  const rounds = options.rounds ?? 9;
  const sliceMs = options.sliceMs ?? 100;
  const warmupMs = options.warmupMs ?? 250;
  for (const task of tasks) run(task.fn, calibrate(task.fn, warmupMs));
  const sizes = tasks.map((task) => calibrate(task.fn, sliceMs));
  const rates = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < tasks.length; k++) {
      const j = (k + round) % tasks.length;
      const t = performance.now();
      run(tasks[j].fn, sizes[j]);
      rates[j].push((sizes[j] * 1000) / (performance.now() - t));
    }
    // Let timers and pending GC work run between rounds, not inside one task's slice.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (sink === 0.5) console.log('unreachable');
  return tasks.map((task, j) => ({
    name: task.name,
    opsPerSec: median(rates[j]),
    low: Math.min(...rates[j]),
    high: Math.max(...rates[j]),
    rounds,
  }));
}
