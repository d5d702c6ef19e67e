// What the reliability runners share: the built packages (the runners measure what
// partners install), the machine line, percentiles, a memory sampler and markdown tables.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);

/** sdk-node (clients, strategies) and the testing kit, from their builds. */
export async function packages() {
  const [node, testing] = await Promise.all([
    load('packages/sdk-node/dist/index.js'),
    load('packages/sdk-testing/dist/index.js'),
  ]);
  return { node, testing };
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The p-th percentile (0..100) of numbers, nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

/** Heap in use after a full collection (run node with --expose-gc), bytes. */
export function settledHeap() {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Samples RSS and heap every `everyMs` until stopped: the peaks over a piece of work. */
export function memorySampler(everyMs = 5) {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = process.memoryUsage();
      return { rss: Math.max(rss, now.rss), heap: Math.max(heap, now.heapUsed) };
    },
  };
}

/** A markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
