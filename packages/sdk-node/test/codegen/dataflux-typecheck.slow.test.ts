import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO } from '../../../sdk-core/test/codegen/fixture-app.js';
import { tempProject, tsc } from '../../../sdk-core/test/codegen/tools.js';

/**
 * The generated DataFlux module (`dataflux-client.gen.ts`) with its typed usage
 * (`dataflux-usage.test-d.ts`), type-checked by the repository's TypeScript (strict,
 * exactOptionalPropertyTypes…) in a temporary project: right calls compile, and each
 * `@ts-expect-error` marks a line that is an error without it.
 */
describe('the generated DataFlux module type-checks with its typed usage', () => {
  let project: ReturnType<typeof tempProject>;
  let usage: string;
  beforeAll(() => {
    project = tempProject('signet-dataflux-tsc-');
    const here = new URL('./', import.meta.url);
    writeFileSync(
      join(project.dir, 'dataflux-client.gen.ts'),
      readFileSync(new URL('dataflux-client.gen.ts', here), 'utf8'),
    );
    usage = readFileSync(new URL('dataflux-usage.test-d.ts', here), 'utf8').replaceAll(
      "'../../src/clients.js'",
      `'${REPO}packages/sdk-node/src/clients.ts'`,
    );
    writeFileSync(
      join(project.dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(REPO, 'tsconfig.base.json'),
        compilerOptions: {
          types: ['node'],
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          paths: { '@signet/sdk-core': [join(REPO, 'packages/sdk-core/src/index.ts')] },
        },
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
    const expected = new Set<number>();
    const stripped = usage.split('\n').map((line, i) => {
      if (!line.includes('// @ts-expect-error')) return line;
      expected.add(i + 2);
      return '//';
    });
    expect(expected.size).toBeGreaterThanOrEqual(12);
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
