import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { rewriteGolden, UPDATE_GOLDEN } from '../../../../test/golden.js';
import type { DefinitionFile } from '../../src/codegen/model.js';

/** Folders of the test fixtures and the example, from this file. */
export const FIXTURES: string = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const APP: string = `${FIXTURES}jitai-app/`;
export const BAD: string = `${FIXTURES}jitai-bad/services/`;
export const EXAMPLE: string = fileURLToPath(
  new URL('../../../../examples/codegen/', import.meta.url),
);
export const REPO: string = fileURLToPath(new URL('../../../../', import.meta.url));

/** The `services/<Svc>/e.json` files of an app folder, named relative to it. */
export function readApp(appDir: string): DefinitionFile[] {
  const services = `${appDir}services/`;
  return readdirSync(services)
    .filter((name) => existsSync(`${services}${name}/e.json`))
    .sort()
    .map((name) => ({
      path: `services/${name}/e.json`,
      text: readFileSync(`${services}${name}/e.json`, 'utf8'),
    }));
}

/** The checked-in typed usage of the fixture client. */
export const READ_USAGE = (): string =>
  readFileSync(new URL('./fixture-usage.test-d.ts', import.meta.url), 'utf8');

/** The text of one bad fixture, `jitai-bad/services/<name>/e.json`. */
export function readBad(name: string): string {
  return readFileSync(`${BAD}${name}/e.json`, 'utf8');
}

/**
 * Compares a generated file with its checked-in copy. `SIGNET_UPDATE_GOLDEN=1` rewrites
 * the copy and fails the test (test/golden.ts): review the diff, then run without it.
 */
export function expectGolden(file: string, generated: string): void {
  if (UPDATE_GOLDEN) rewriteGolden(file, generated);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '(missing)';
  expect(current, `${file} is out of date: run with SIGNET_UPDATE_GOLDEN=1`).toBe(generated);
}
