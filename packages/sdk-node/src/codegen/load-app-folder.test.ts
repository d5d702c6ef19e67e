import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignetConfigError } from '@signet/sdk-core';
import { afterEach, describe, expect, test } from 'vitest';
// Not on the package index yet: the generator is imported from its module.
import { generateFromDefinitions } from '../../../sdk-core/src/codegen/generate.js';
import { loadAppServices, writeGeneratedClient } from './load-app-folder.js';

const CORE_TEST = fileURLToPath(new URL('../../../sdk-core/test/', import.meta.url));
const APP = join(CORE_TEST, 'fixtures/jitai-app');
const SERVICES = ['BearerSvc', 'CustomerSvc', 'OrderSvc', 'odd_names'];

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signet-app-'));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignetConfigError);
  return error as Error;
}

describe('loadAppServices', () => {
  test('reads services/*/e.json from the app root, sorted', async () => {
    const files = await loadAppServices(APP);
    expect(files.map((f) => f.path)).toEqual(
      SERVICES.map((name) => join(APP, 'services', name, 'e.json')),
    );
    expect(files[2]!.text).toBe(readFileSync(join(APP, 'services/OrderSvc/e.json'), 'utf8'));
  });

  test('accepts the services/ folder itself', async () => {
    const files = await loadAppServices(join(APP, 'services'));
    expect(files.map((f) => f.path)).toEqual(
      SERVICES.map((name) => join(APP, 'services', name, 'e.json')),
    );
  });

  test('the loaded app generates the checked-in fixture client', async () => {
    const source = generateFromDefinitions(await loadAppServices(APP), {
      header: 'Source: packages/sdk-core/test/fixtures/jitai-app',
    });
    expect(source).toBe(readFileSync(join(CORE_TEST, 'codegen/fixture-client.gen.ts'), 'utf8'));
  });

  test('skips folders without e.json and loose files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'services/__pycache__'), { recursive: true });
    mkdirSync(join(dir, 'services/OrderSvc'));
    writeFileSync(join(dir, 'services/OrderSvc/e.json'), '{"functionList":[]}');
    writeFileSync(join(dir, 'services/README.md'), '# services');
    const files = await loadAppServices(dir);
    expect(files).toEqual([
      { path: join(dir, 'services/OrderSvc/e.json'), text: '{"functionList":[]}' },
    ]);
  });

  test('a folder with no definitions is an error naming the folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'services/Empty'), { recursive: true });
    const error = await rejection(loadAppServices(dir));
    expect(error.message).toBe(
      `${join(dir, 'services')}: no service definitions found (expected services/<Svc>/e.json files)`,
    );
  });

  test('a missing folder is an error naming it', async () => {
    const missing = join(tempDir(), 'nope');
    const error = await rejection(loadAppServices(missing));
    expect(error.message).toContain(`${missing}: no such folder`);
    await rejection(loadAppServices(''));
  });

  test('a malformed e.json is reported by the generator with its path', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'services/BrokenSvc'), { recursive: true });
    writeFileSync(join(dir, 'services/BrokenSvc/e.json'), '{\n  "functionList": [,]\n}');
    const files = await loadAppServices(dir);
    let error: unknown;
    try {
      generateFromDefinitions(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${join(dir, 'services/BrokenSvc/e.json').replace(/[.\\/]/g, '\\$&')}: invalid JSON: .*line 2, column 20`,
      ),
    );
  });
});

describe('writeGeneratedClient', () => {
  test('creates the folder, writes the text and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'src/generated/client.gen.ts');
    await writeGeneratedClient(out, 'export {};\n');
    expect(readFileSync(out, 'utf8')).toBe('export {};\n');
    await writeGeneratedClient(out, 'export const a = 1;\n');
    expect(readFileSync(out, 'utf8')).toBe('export const a = 1;\n');
    expect(readdirSync(join(dir, 'src/generated'))).toEqual(['client.gen.ts']);
  });

  test('refuses an empty path', async () => {
    await rejection(writeGeneratedClient('', 'x'));
  });
});
