#!/usr/bin/env node
// The mutation check: for each mutation of mutations.mjs, a temporary copy of the
// repository with that one bug in it, and the tests run there. A mutation that no
// call-level test (CALL_LEVEL: clients calling verifying servers) catches is a hole in
// the suite, even when a vector or unit test catches it.
//
//   node test/mutations/run.mjs [--only id,id] [--all] [--no-baseline] [--json]
//
// By default the integration tests run (packages/*/test, but the slow ones); --all runs
// everything `pnpm test:fast` runs, unit tests included, to show what else catches each. The working tree is never touched: the copy holds every
// file git tracks or would track (uncommitted edits included), with node_modules linked.
// Exit 1 when the unmutated copy fails or a mutation survives the call-level tests.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALL_LEVEL, MUTATIONS } from './mutations.mjs';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.split(',') : undefined;
const all = args.includes('--all');
const baseline = !args.includes('--no-baseline');
const asJson = args.includes('--json');
const log = (line) => {
  if (!asJson) console.log(line);
};

/** Every file git tracks or would track, as paths relative to the root. */
function repositoryFiles() {
  const res = spawnSync('git', ['ls-files', '-z', '-c', '-o', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`git ls-files failed: ${res.stderr}`);
  // Regular files only: .tools is a link to the toolchain, not part of the repository.
  return res.stdout
    .split('\0')
    .filter((f) => f !== '' && lstatSync(path.join(root, f), { throwIfNoEntry: false })?.isFile());
}

/** Test files of the fast suite (what `pnpm test:fast` runs). */
function testFiles(files) {
  return files.filter(
    (f) =>
      f.endsWith('.test.ts') &&
      !f.endsWith('.slow.test.ts') &&
      /^(packages\/[^/]+\/(src|test)|examples|test)\//.test(f),
  );
}

/** A copy of the repository under a temp dir, node_modules folders linked, not copied. */
function copyRepository(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'signet-mutation-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(dir, file));
  }
  const linkModules = (rel) => {
    const from = path.join(root, rel, 'node_modules');
    if (existsSync(from)) symlinkSync(from, path.join(dir, rel, 'node_modules'), 'dir');
  };
  linkModules('.');
  for (const group of ['packages', 'examples']) {
    for (const entry of readdirSync(path.join(root, group), { withFileTypes: true })) {
      if (entry.isDirectory()) linkModules(path.join(group, entry.name));
    }
  }
  return dir;
}

/** Runs vitest in `dir` on `files`; resolves with the failed tests per file. */
function runTests(dir, files, label) {
  const report = path.join(dir, `.vitest-${label}.json`);
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const vectors = process.env.SIGNET_VECTORS_DIR ?? path.resolve(root, '../shared/vectors');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--reporter=json', `--outputFile=${report}`, ...files],
      {
        cwd: dir,
        env: { ...process.env, SIGNET_VECTORS_DIR: vectors, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!existsSync(report)) {
        reject(new Error(`vitest wrote no report (${label}): ${stderr.slice(-2000)}`));
        return;
      }
      const result = JSON.parse(readFileSync(report, 'utf8'));
      rmSync(report);
      const failed = {};
      for (const file of result.testResults) {
        const rel = path.relative(dir, file.name);
        const names = file.assertionResults
          .filter((a) => a.status === 'failed')
          .map((a) => a.fullName);
        if (names.length > 0 || file.status === 'failed') {
          failed[rel] = names.length > 0 ? names : [`(file failed: ${file.message ?? ''})`];
        }
      }
      resolve({ total: result.numTotalTests, failedCount: result.numFailedTests, failed });
    });
  });
}

function apply(dir, mutation) {
  const file = path.join(dir, mutation.file);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(mutation.find);
  if (at === -1 || text.indexOf(mutation.find, at + 1) !== -1) {
    throw new Error(`${mutation.id} no longer applies to ${mutation.file}: update mutations.mjs`);
  }
  writeFileSync(file, text.replace(mutation.find, mutation.replace));
  return () => writeFileSync(file, text);
}

async function main() {
  const files = repositoryFiles();
  const fast = testFiles(files);
  // A call-level file may be slow (the Digest client starts Apache): it runs all the same.
  const missing = CALL_LEVEL.filter((f) => !files.includes(f));
  if (missing.length > 0) throw new Error(`CALL_LEVEL names missing files: ${missing}`);
  // mutations.test.ts checks that each mutation applies: in a mutated copy it fails by design.
  const candidates = fast.filter((f) => !f.startsWith('test/mutations/'));
  const chosen = all ? candidates : candidates.filter((f) => /^packages\/[^/]+\/test\//.test(f));
  const targets = [...new Set([...chosen, ...CALL_LEVEL])];
  const selected = MUTATIONS.filter((m) => !only || only.includes(m.id));
  if (selected.length === 0) throw new Error(`no mutation matches --only ${only}`);
  const dir = copyRepository(files);
  const started = Date.now();
  const results = [];
  let ok = true;
  try {
    log(`mutation check: ${targets.length} test files, copy in ${dir}`);
    if (baseline) {
      const clean = await runTests(dir, targets, 'baseline');
      log(`baseline: ${clean.total} tests, ${clean.failedCount} failed`);
      if (clean.failedCount > 0 || Object.keys(clean.failed).length > 0) {
        ok = false;
        results.push({ id: 'baseline', failed: clean.failed });
        throw new Error(`the unmutated copy fails:\n${JSON.stringify(clean.failed, null, 2)}`);
      }
    }
    for (const mutation of selected) {
      const undo = apply(dir, mutation);
      let run;
      try {
        run = await runTests(dir, targets, mutation.id);
      } finally {
        undo();
      }
      const callLevel = Object.keys(run.failed).filter((f) => CALL_LEVEL.includes(f));
      const caught = callLevel.length > 0;
      if (!caught) ok = false;
      results.push({ ...mutation, caught, failedCount: run.failedCount, failed: run.failed });
      log(
        `${caught ? 'caught  ' : 'SURVIVED'} ${mutation.id}: ${run.failedCount} failed tests (${callLevel.length} call-level files)`,
      );
      for (const [file, names] of Object.entries(run.failed)) {
        const kind = CALL_LEVEL.includes(file) ? 'call ' : 'other';
        log(`    ${kind} ${file}: ${names.length} (${names.slice(0, 2).join(' | ')})`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (asJson) console.log(JSON.stringify({ ok, seconds, results }));
  else {
    const survived = results.filter((r) => r.caught === false).length;
    log(`mutations: ${results.length - survived} caught, ${survived} survived (${seconds} s)`);
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`mutation check: ${error.message}`);
    process.exit(1);
  },
);
