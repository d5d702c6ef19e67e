import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateServiceModule } from '../../src/codegen/emit.js';
import { generateFromDefinitions } from '../../src/codegen/generate.js';
import { APP, READ_USAGE, REPO, readApp } from './fixture-app.js';
import { sweepModules } from './sweep.js';
import { tempProject, tsc } from './tools.js';

/**
 * The generated client, freshly generated into a temporary project, type-checked by the
 * repository's TypeScript (strict, isolatedDeclarations…) together with
 * `fixture-usage.test-d.ts`, which uses it through `createJitaiClient` and `ServiceProxy`.
 */
describe('generated client type-checks with its typed usage', () => {
  let project: ReturnType<typeof tempProject>;
  let usage: string;
  beforeAll(() => {
    project = tempProject('signet-codegen-tsc-');
    const { dir } = project;
    writeFileSync(join(dir, 'client.gen.ts'), generateFromDefinitions(readApp(APP)));
    sweepModules().forEach((services, i) => {
      writeFileSync(join(dir, `sweep${i}.gen.ts`), generateServiceModule(services));
    });
    usage = READ_USAGE()
      .replaceAll("'./fixture-client.gen.js'", "'./client.gen.js'")
      .replaceAll("'../../src/", `'${REPO}packages/sdk-core/src/`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(REPO, 'tsconfig.base.json'),
        compilerOptions: { types: ['node'], strict: true },
        include: ['*.ts'],
      }),
    );
  });
  afterAll(() => project.remove());

  test('right calls compile and every @ts-expect-error is used', () => {
    writeFileSync(join(project.dir, 'usage.ts'), usage);
    const result = tsc(project.dir);
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('each @ts-expect-error marks a real error: without them, exactly those lines fail', () => {
    const lines = usage.split('\n');
    const expected = new Set<number>();
    const stripped = lines.map((line, i) => {
      if (!line.includes('// @ts-expect-error')) return line;
      expected.add(i + 2); // the line after the directive, 1-based
      return '//';
    });
    expect(expected.size).toBeGreaterThanOrEqual(10);
    writeFileSync(join(project.dir, 'usage.ts'), stripped.join('\n'));
    const result = tsc(project.dir);
    const failing = new Set(
      [...result.stdout.matchAll(/^usage\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) =>
        Number(m[1]),
      ),
    );
    expect(result.stdout).not.toMatch(/^(?!usage\.ts)\S+\(\d+,\d+\): error/m);
    expect([...failing].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });
});

test('the usage file imports the generated client it describes', () => {
  expect(READ_USAGE()).toContain("from './fixture-client.gen.js'");
  expect(readFileSync(new URL('./fixture-client.gen.ts', import.meta.url), 'utf8')).toContain(
    'export interface SignetServices',
  );
});
