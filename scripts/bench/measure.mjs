// One tinybench run for a list of tasks, each batched so the timer's own cost does not
// dominate sub-microsecond operations.
import { Bench } from 'tinybench';

/** Calls per timed sample: large enough to amortize performance.now(), small enough to sample often. */
const BATCH = 64;

/**
 * @typedef {{ name: string, fn: () => unknown }} TaskSpec
 * @typedef {{ name: string, opsPerSec: number, rme: number, samples: number }} Measured
 */

/**
 * Measures every task in one process, one after the other, on the same inputs.
 * @param {TaskSpec[]} tasks
 * @param {{ time?: number }} [options] time budget per task, ms
 * @returns {Promise<Measured[]>}
 */
export async function measure(tasks, options = {}) {
  const bench = new Bench({ time: options.time ?? 1000, warmupTime: 250, throws: true });
  let sink = 0;
  for (const task of tasks) {
    bench.add(task.name, () => {
      for (let i = 0; i < BATCH; i++) {
        const out = task.fn();
        // Keep the result observable so the work cannot be optimized away.
        sink ^= typeof out === 'string' ? out.length : 1;
      }
    });
  }
  await bench.run();
  if (sink === 0.5) console.log('unreachable');
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`bench task ${task.name}: ${result.state}`);
    return {
      name: task.name,
      opsPerSec: result.throughput.mean * BATCH,
      rme: result.throughput.rme,
      samples: result.throughput.samplesCount,
    };
  });
}
