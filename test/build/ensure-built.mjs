// The tests that run BUILT packages (the CLI as a child process, the runtime smoke suite in
// other runtimes) call `ensureBuilt(names)`: under one lock shared by every test process,
// it rebuilds each named package whose build is missing or older than its inputs, then
// checks that none is stale. Inputs of a package: its src/ (tests aside), package.json and
// tsup.config.ts, and those of the workspace packages it depends on (sdk-browser's signer
// entries bundle sdk-core's recipes). The built files checked are every file its
// package.json points at (exports, main, module, bin).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const LOCK_WAIT_MS = 300_000;
/** A lock older than this was left by a killed run (a build takes seconds). */
const LOCK_STALE_MS = 180_000;

const manifest = (root, name) =>
  JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));

/** The workspace packages `name` depends on (`@signet/sdk-core` → `sdk-core`), deepest first. */
export function workspaceDeps(name, root = ROOT) {
  const m = manifest(root, name);
  const direct = Object.keys({ ...m.dependencies, ...m.peerDependencies })
    .filter((dep) => dep.startsWith('@signet/'))
    .map((dep) => dep.slice('@signet/'.length));
  return [...new Set(direct.flatMap((dep) => [...workspaceDeps(dep, root), dep]))];
}

/** Every JavaScript file the manifest of `name` points at, absolute. */
export function builtFiles(name, root = ROOT) {
  const m = manifest(root, name);
  const found = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (/\.(c|m)?js$/.test(value)) found.add(path.join(root, 'packages', name, value));
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) walk(item);
    }
  };
  walk([m.exports, m.main, m.module, m.bin]);
  return [...found].sort();
}

/** The newest input of `name` (and of its workspace dependencies): [file, mtimeMs]. */
function newestInput(name, root) {
  let newest = ['', 0];
  const consider = (file) => {
    const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > newest[1]) newest = [file, mtime];
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name))
        consider(file);
    }
  };
  for (const pkg of [...workspaceDeps(name, root), name]) {
    const dir = path.join(root, 'packages', pkg);
    walk(path.join(dir, 'src'));
    consider(path.join(dir, 'package.json'));
    consider(path.join(dir, 'tsup.config.ts'));
  }
  return newest;
}

/** Which of `names` need a build, and why; [] when every build is fresh. */
export function staleBuilds(names, root = ROOT) {
  const stale = [];
  for (const name of names) {
    const [input, inputTime] = newestInput(name, root);
    for (const file of builtFiles(name, root)) {
      const built = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
      const rel = path.relative(root, file);
      if (built === undefined) stale.push({ name, reason: `${rel} is missing` });
      else if (built < inputTime) {
        stale.push({ name, reason: `${rel} is older than ${path.relative(root, input)}` });
      }
      if (stale.at(-1)?.name === name) break;
    }
  }
  return stale;
}

function tsup(name, root) {
  const dir = path.join(root, 'packages', name);
  const require = createRequire(path.join(dir, 'package.json'));
  const bin = path.join(path.dirname(require.resolve('tsup/package.json')), 'dist/cli-default.js');
  const res = spawnSync(process.execPath, [bin], { cwd: dir, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`building ${name} failed:\n${res.stdout}${res.stderr}`);
}

async function withLock(root, fn) {
  const lock = path.join(root, 'node_modules/.signet-build.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmdirSync(lock, { recursive: false });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * Builds, in dependency order, each of `names` (and the workspace packages they depend
 * on) whose build is stale, under the shared lock; throws if one is still stale after.
 * Returns the packages it built.
 */
export async function ensureBuilt(names, root = ROOT) {
  const all = [...new Set(names.flatMap((name) => [...workspaceDeps(name, root), name]))];
  return withLock(root, () => {
    const built = [];
    for (const name of all) {
      if (staleBuilds([name], root).length === 0) continue;
      tsup(name, root);
      built.push(name);
    }
    const still = staleBuilds(all, root);
    if (still.length > 0) {
      throw new Error(`still stale after building: ${still.map((s) => s.reason).join('; ')}`);
    }
    return built;
  });
}
