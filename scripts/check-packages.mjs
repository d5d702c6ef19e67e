#!/usr/bin/env node
// Package checks on the built output: publint and `attw --pack` for every package, then
// a smoke import of each built entry from plain Node through both `import` and `require`,
// resolved by package name the way a user's app resolves it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkgs = readdirSync(join(root, 'packages')).map((dir) => {
  const path = join(root, 'packages', dir);
  return { dir, path, manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) };
});

let failed = 0;
let passed = 0;
function run(label, cmd, args, cwd) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  const ok = res.status === 0;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) console.log((res.stdout ?? '') + (res.stderr ?? ''));
  return ok;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

for (const { path, manifest } of pkgs) {
  run(`publint ${manifest.name}`, bin('publint'), ['--strict'], path);
  run(`attw --pack ${manifest.name}`, bin('attw'), ['--pack', '.', '--profile', 'node16'], path);
  const subpaths = Object.keys(manifest.exports).filter((k) => k !== './package.json');
  for (const sub of subpaths) {
    const spec = sub === '.' ? manifest.name : `${manifest.name}/${sub.slice(2)}`;
    // Resolve from the package's own folder (the workspace links it there by name), load
    // both builds in one process and compare: the same names, and the classes the entry
    // shares with sdk-core are sdk-core's own (one SignetError for the whole app).
    const check = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const esm = await import(${JSON.stringify(spec)});
      const cjs = require(${JSON.stringify(spec)});
      const a = Object.keys(esm).filter((k) => k !== 'default').sort();
      const b = Object.keys(cjs).filter((k) => k !== '__esModule').sort();
      if (a.length === 0) throw new Error('no exports');
      if (a.join() !== b.join()) {
        throw new Error('import and require differ: only import ' + a.filter((k) => !b.includes(k)) + '; only require ' + b.filter((k) => !a.includes(k)));
      }
      for (const name of ['SignetError', 'LosslessNumber']) {
        if (!(name in cjs)) continue;
        if (cjs[name] !== require('@signet/sdk-core')[name]) throw new Error('require: a second copy of ' + name);
        if (esm[name] !== (await import('@signet/sdk-core'))[name]) throw new Error('import: a second copy of ' + name);
      }
      console.log(a.length);`;
    run(`import = require ${spec}`, process.execPath, ['--input-type=module', '-e', check], path);
  }
}

// Real calls by package name against the kit's emulators, from CommonJS and from ESM.
const checks = join(root, 'test', 'packages');
run('real calls through every entry (require)', process.execPath, ['calls.cjs'], checks);
run('real calls through every entry (import)', process.execPath, ['calls.mjs'], checks);

// Not in the `N passed, M failed` form: the test runner's summary is the run's closing line.
console.log(
  failed === 0
    ? `package checks: ${passed} of ${passed} ok`
    : `package checks: ${failed} of ${passed + failed} FAILED`,
);
process.exit(failed === 0 ? 0 : 1);
