#!/usr/bin/env node
// Package checks on what a partner installs. Each package is packed as it would be
// published (`pnpm pack`: workspace and catalog ranges resolved) and its tarball checked:
// README (install, a quick start of at most 10 lines, links to the API reference and the
// root README), LICENSE, license/repository/homepage/bugs/keywords, no sources and no
// sourcesContent, the unpacked-size budget, publint and attw. Then a partner app in a
// fresh temp dir installs the four tarballs and, by package name:
// - compares `import` and `require` of every entry (same names, one SignetError);
// - makes real calls through every entry against the testing kit's emulators, from
//   CommonJS and ESM (test/packages/calls.cjs, calls.mjs);
// - compiles strict TypeScript against the packed declarations without skipLibCheck:
//   nodenext (ESM and CJS) and bundler with lib es2023 + @types/node, and lib es2023 +
//   dom without @types/node (test/packages/partner/), plus every README's quick start;
// - runs the compiled typed calls and the testing kit's quick start.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const checks = join(root, 'test', 'packages');
/** The largest unpacked package allowed (issue 16: sdk-core had grown to 2.2 MB). */
const MAX_UNPACKED_BYTES = 1_200_000;
const MAX_QUICK_START_LINES = 10;
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** https://github.com/owner/name, from the root manifest's repository. */
const REPOSITORY = rootManifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const ROOT_README = `${REPOSITORY}#readme`;
const API_REFERENCE = `${REPOSITORY}/tree/main/docs#readme`;
const LICENSE = readFileSync(join(root, 'LICENSE'), 'utf8');

let failed = 0;
let passed = 0;
function report(label, problems) {
  const ok = problems.length === 0;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  for (const problem of problems) console.log(`       ${problem}`);
  return ok;
}
function run(label, cmd, args, cwd, env = process.env) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
  const output = (res.stdout ?? '') + (res.stderr ?? '') + (res.error ? String(res.error) : '');
  return report(label, res.status === 0 ? [] : [output.trim() || `exit ${res.status}`]);
}
const bin = (name) => join(root, 'node_modules', '.bin', name);

const work = mkdtempSync(join(tmpdir(), 'signet-packages-'));
const tarballs = join(work, 'tarballs');
const pkgs = readdirSync(join(root, 'packages')).map((dir) => {
  const path = join(root, 'packages', dir);
  return { dir, path, manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) };
});

try {
  // 1. Pack every package and check its tarball.
  for (const pkg of pkgs) {
    const res = spawnSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: pkg.path,
      encoding: 'utf8',
    });
    const name = readdirSync(tarballs).find((f) => f.startsWith(tarballName(pkg.manifest)));
    if (res.status !== 0 || name === undefined) {
      report(`pnpm pack ${pkg.manifest.name}`, [res.stdout + res.stderr]);
      continue;
    }
    pkg.tarball = join(tarballs, name);
    const unpacked = join(work, 'unpacked', pkg.dir);
    spawnSync('mkdir', ['-p', unpacked]);
    spawnSync('tar', ['-xzf', pkg.tarball, '-C', unpacked]);
    pkg.unpacked = join(unpacked, 'package');
    report(`tarball contents ${pkg.manifest.name}`, tarballProblems(pkg));
    run(`publint ${pkg.manifest.name}`, bin('publint'), ['run', pkg.tarball, '--strict'], root);
    run(`attw ${pkg.manifest.name}`, bin('attw'), [pkg.tarball, '--profile', 'node16'], root);
  }

  // 2. A partner app in a fresh directory, installing the tarballs.
  const app = join(work, 'app');
  const partnerFiles = readdirSync(join(checks, 'partner'));
  spawnSync('mkdir', ['-p', app]);
  for (const file of [...partnerFiles.map((f) => join('partner', f)), 'calls.cjs', 'calls.mjs']) {
    copyFileSync(join(checks, file), join(app, file.replace(/^partner\//, '')));
  }
  const fromTarballs = Object.fromEntries(
    pkgs.filter((p) => p.tarball).map((p) => [p.manifest.name, `file:${p.tarball}`]),
  );
  // The versions the workspace installed, so the store has them.
  const versionOf = (dir, name) =>
    JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'partner-app',
      private: true,
      type: 'module',
      dependencies: { ...fromTarballs, ky: versionOf(checks, 'ky'), msw: versionOf(checks, 'msw') },
      devDependencies: { '@types/node': versionOf(root, '@types/node') },
      // sdk-node's packed manifest asks for @signet/sdk-core ^0.1.0: the tarball, not a
      // registry copy.
      pnpm: { overrides: fromTarballs },
    }),
  );
  writeQuickStarts(app);
  const installed = run(
    'partner app: pnpm install of the four tarballs in a fresh directory',
    'pnpm',
    ['install', '--prefer-offline', '--reporter=append-only', '--config.lockfile=false'],
    app,
    { ...process.env, npm_config_store_dir: storeDir() },
  );
  if (installed) {
    for (const pkg of pkgs) {
      for (const sub of Object.keys(pkg.manifest.exports).filter((k) => k !== './package.json')) {
        const spec = sub === '.' ? pkg.manifest.name : `${pkg.manifest.name}/${sub.slice(2)}`;
        run(
          `import = require ${spec}`,
          process.execPath,
          ['--input-type=module', '-e', sameBothWays(spec)],
          app,
        );
      }
    }
    run('real calls through every entry (require)', process.execPath, ['calls.cjs'], app);
    run('real calls through every entry (import)', process.execPath, ['calls.mjs'], app);
    const tsc = bin('tsc');
    const built = run(
      'TypeScript strict, nodenext (ESM + CJS), lib es2023 + @types/node, no skipLibCheck',
      tsc,
      ['-p', 'tsconfig.nodenext.json'],
      app,
    );
    run(
      'TypeScript strict, bundler, lib es2023 + @types/node, no skipLibCheck',
      tsc,
      ['-p', 'tsconfig.bundler.json'],
      app,
    );
    run(
      'TypeScript strict, lib es2023 + dom, no @types/node, no skipLibCheck',
      tsc,
      ['-p', 'tsconfig.dom.json'],
      app,
    );
    if (built) {
      run('compiled typed ESM call', process.execPath, ['out/typed-call.mjs'], app);
      run('compiled typed CJS call', process.execPath, ['out/typed-call.cjs'], app);
      run(
        'README quick start of @signet/sdk-testing, run',
        process.execPath,
        ['out/readme-sdk-testing.mjs'],
        app,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function tarballName(manifest) {
  return `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}`;
}

/** What a published package must hold, read from the tarball itself. */
function tarballProblems(pkg) {
  const problems = [];
  const dir = pkg.unpacked;
  const m = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = listFiles(dir);
  const size = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  const want = (cond, message) => {
    if (!cond) problems.push(message);
  };
  want(m.license === 'MIT', `license is ${m.license}, want MIT`);
  want(files.includes('LICENSE'), 'no LICENSE');
  want(
    !files.includes('LICENSE') || readFileSync(join(dir, 'LICENSE'), 'utf8') === LICENSE,
    'LICENSE differs from the root LICENSE',
  );
  want(
    m.repository?.url === rootManifest.repository.url &&
      m.repository?.directory === `packages/${pkg.dir}`,
    `repository must be ${rootManifest.repository.url} with directory packages/${pkg.dir}`,
  );
  want(m.homepage?.startsWith(REPOSITORY), 'homepage missing or not in the repository');
  want(m.bugs?.url === `${REPOSITORY}/issues`, `bugs.url must be ${REPOSITORY}/issues`);
  want(Array.isArray(m.keywords) && m.keywords.length >= 3, 'fewer than 3 keywords');
  want(!/"(workspace|catalog):/.test(JSON.stringify(m)), 'a workspace: or catalog: range left');
  want(size <= MAX_UNPACKED_BYTES, `unpacked ${size} B > ${MAX_UNPACKED_BYTES} B`);
  want(!files.some((f) => f.startsWith('src/')), 'sources in the tarball');
  for (const map of files.filter((f) => f.endsWith('.map'))) {
    if ('sourcesContent' in JSON.parse(readFileSync(join(dir, map), 'utf8'))) {
      problems.push(`${map} carries sourcesContent`);
    }
  }
  if (!files.includes('README.md')) return [...problems, 'no README.md'];
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  want(readme.startsWith(`# ${m.name}\n`), `README.md must start with "# ${m.name}"`);
  want(
    readme.includes(`install ${m.name}`) || readme.includes(`install --save-dev ${m.name}`),
    'README: no install line',
  );
  want(
    readme.includes(`](${API_REFERENCE})`),
    `README: no link to the API reference ${API_REFERENCE}`,
  );
  want(readme.includes(`](${ROOT_README})`), `README: no link to the root README ${ROOT_README}`);
  const quick = quickStart(readme);
  want(quick !== undefined, 'README: no "## Quick start" with a ts block');
  const lines = quick?.split('\n').filter((l) => l.trim() !== '').length ?? 0;
  want(
    lines <= MAX_QUICK_START_LINES,
    `README quick start has ${lines} lines, at most ${MAX_QUICK_START_LINES}`,
  );
  return problems;
}

function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/** The first ts block after "## Quick start". */
function quickStart(readme) {
  const section = readme.split(/^## Quick start\n/m)[1];
  return section?.match(/```ts\n([\s\S]*?)```/)?.[1];
}

/**
 * Each README's quick start as a module of the partner app, so that it compiles against
 * the packed declarations; the names a snippet leaves to the reader are declared.
 */
function writeQuickStarts(app) {
  const prelude =
    'declare const mySecretStore: { get(name: string): string };\n' +
    'declare function csrf(): string;\n';
  for (const pkg of pkgs) {
    const readme = readFileSync(join(pkg.path, 'README.md'), 'utf8');
    const code = quickStart(readme);
    if (code === undefined) continue;
    const uses = (name) => new RegExp(`\\b${name}\\b`).test(code);
    const declarations = prelude
      .split('\n')
      .filter((line) => line && uses(line.match(/(?:const|function) (\w+)/)[1]))
      .join('\n');
    writeFileSync(join(app, `readme-${pkg.dir}.mts`), `${declarations}\n${code}\nexport {};\n`);
  }
}

/** Loads one entry through `import` and `require` and compares them. */
function sameBothWays(spec) {
  return `
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
    }`;
}

/** The workspace's pnpm store, so the partner app installs from it without the network. */
function storeDir() {
  const res = spawnSync('pnpm', ['store', 'path'], { cwd: root, encoding: 'utf8' });
  return res.stdout.trim();
}

// Not in the `N passed, M failed` form: the test runner's summary is the run's closing line.
console.log(
  failed === 0
    ? `package checks: ${passed} of ${passed} ok`
    : `package checks: ${failed} of ${passed + failed} FAILED`,
);
process.exit(failed === 0 ? 0 : 1);
