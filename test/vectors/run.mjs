// Walks a directory laid out like shared/vectors and runs every case of every vector file
// through a signet API object (the built package, or the sources under vitest).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fail } from './check.mjs';
import { dataFluxCases } from './dataflux.mjs';
import { jcsFileCases, jcsNumberCases } from './jcs.mjs';
import { jitaiRequestCases, jitaiResponseCases } from './jitai.mjs';
import { digestCases, hmacKnownAnswerCases } from './known-answers.mjs';

/** @typedef {import('./check.mjs').CaseResult} CaseResult */
/** @typedef {{ file: string, passed: number, failed: number, failures: CaseResult[] }} FileResult */
/** @typedef {{ passed: number, failed: number, files: FileResult[] }} VectorTotals */

// Documentation and licence texts sit next to the data; they are not vectors.
const NOT_VECTORS = /(^|\/)(\.[^/]*|README[^/]*|LICENSE[^/]*|[^/]*\.md|[^/]*\.txt)$/i;
const MAX_REPORTED_FAILURES = 5;

/**
 * Runs every vector file present under `dir` and logs one line per file
 * (`jitai/requests.json: 60 passed, 0 failed`), plus the first failures of a failing file.
 * A file no runner knows counts as one failure ("no runner for <file>"), so new vector
 * files cannot be skipped silently; a JSON file elsewhere is still run when its `profile`
 * and case fields say which runner applies.
 *
 * @param {string} dir
 * @param {Record<string, unknown>} api the public API (`@signet/sdk-core`)
 * @param {(line: string) => void} [log]
 * @returns {Promise<VectorTotals>}
 */
export async function runVectors(dir, api, log = console.log) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`vector directory not found: ${dir}`);
  }
  const files = listFiles(dir).filter((f) => !NOT_VECTORS.test(f));
  const jcsInputs = files.filter((f) => /^jcs\/input\/[^/]+\.json$/.test(f));
  const jcsOutputs = new Set(files.filter((f) => /^jcs\/output\/[^/]+\.json$/.test(f)));

  /** @type {FileResult[]} */
  const results = [];
  const record = async (label, cases) => {
    const settled = await Promise.all(cases);
    const failures = settled.filter((c) => !c.ok);
    const result = {
      file: label,
      passed: settled.length - failures.length,
      failed: failures.length,
      failures,
    };
    results.push(result);
    log(`${label}: ${result.passed} passed, ${result.failed} failed`);
    for (const f of failures.slice(0, MAX_REPORTED_FAILURES)) log(`  ✗ ${f.name}: ${f.message}`);
    if (failures.length > MAX_REPORTED_FAILURES) {
      log(`  … and ${failures.length - MAX_REPORTED_FAILURES} more`);
    }
  };

  for (const file of files) {
    if (jcsOutputs.has(file)) {
      const input = file.replace('/output/', '/input/');
      if (!files.includes(input))
        await record(file, [Promise.resolve(fail(file, 'no matching jcs/input file'))]);
      continue;
    }
    if (jcsInputs.includes(file)) {
      if (file === jcsInputs[0]) {
        const names = jcsInputs.map((f) => path.basename(f));
        const cases = jcsFileCases(
          path.join(dir, 'jcs/input'),
          path.join(dir, 'jcs/output'),
          names,
          api,
        );
        await record('jcs/input + jcs/output', cases);
      }
      continue;
    }
    await record(file, casesFor(file, dir, api));
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  return { passed, failed, files: results };
}

/** The case results of one file, or a single failure when no runner applies. */
function casesFor(file, dir, api) {
  const full = path.join(dir, file);
  try {
    if (/^jcs\/numbers\/[^/]+\.csv$/.test(file))
      return jcsNumberCases(readFileSync(full, 'utf8'), api);
    if (!file.endsWith('.json')) return [Promise.resolve(fail(file, `no runner for ${file}`))];
    const data = JSON.parse(readFileSync(full, 'utf8'));
    const runner = runnerFor(file, data);
    if (runner === undefined) return [Promise.resolve(fail(file, `no runner for ${file}`))];
    if (!Array.isArray(data.cases) || data.cases.length === 0) {
      return [Promise.resolve(fail(file, 'the file has no cases'))];
    }
    if (typeof data.count === 'number' && data.count !== data.cases.length) {
      return [
        Promise.resolve(fail(file, `announces ${data.count} cases but holds ${data.cases.length}`)),
      ];
    }
    try {
      return runner(data, api);
    } catch (error) {
      // Typically an API function that is not exported: every case fails, visibly.
      return data.cases.map((c, i) =>
        Promise.resolve(fail(c.name ?? c.id ?? `#${i}`, error.message)),
      );
    }
  } catch (error) {
    return [Promise.resolve(fail(file, `cannot read ${file}: ${error.message}`))];
  }
}

/** Known paths first; elsewhere, the file's `profile` and the shape of its cases decide. */
function runnerFor(file, data) {
  if (file === 'jitai/requests.json') return jitaiRequestCases;
  if (file === 'jitai/responses.json') return jitaiResponseCases;
  if (file === 'dataflux/requests.json') return dataFluxCases;
  const first = Array.isArray(data?.cases) ? data.cases[0] : undefined;
  if (first === undefined || first === null) return undefined;
  if (/^hmac\/[^/]+\.json$/.test(file) && 'expected' in first) return hmacKnownAnswerCases;
  if (/^digest\/[^/]+\.json$/.test(file) && 'response' in first) return digestCases;
  switch (data.profile) {
    case 'jitai':
      if ('bodyText' in first) return jitaiResponseCases;
      return 'paramStr' in first ? jitaiRequestCases : undefined;
    case 'dataflux':
      return 'stringToSign' in first ? dataFluxCases : undefined;
    default:
      break;
  }
  // The copied known-answer files carry no profile: recognise their case layout.
  const expected = first.expected;
  if (
    typeof expected === 'object' &&
    expected !== null &&
    Object.keys(expected).every((k) => k.startsWith('hmac-'))
  ) {
    return hmacKnownAnswerCases;
  }
  if (typeof first.response === 'string' && 'realm' in first && 'nonce' in first)
    return digestCases;
  return undefined;
}

/** Every file under `dir`, as sorted `/`-separated relative paths. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}
