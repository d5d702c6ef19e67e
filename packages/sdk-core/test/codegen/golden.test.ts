import { describe, expect, test } from 'vitest';
import { generateFromDefinitions } from '../../src/codegen/generate.js';
import { APP, EXAMPLE, expectGolden, readApp } from './fixture-app.js';

const FIXTURE_HEADER = 'Source: packages/sdk-core/test/fixtures/jitai-app';
// Exactly what `signet gen --from examples/codegen/app` writes, so the README's command reproduces the file.
const EXAMPLE_HEADER = 'Source: signet gen --from examples/codegen/app';

describe('checked-in generated clients', () => {
  test('test/codegen/fixture-client.gen.ts matches the fixture app', () => {
    const generated = generateFromDefinitions(readApp(APP), { header: FIXTURE_HEADER });
    expectGolden(new URL('./fixture-client.gen.ts', import.meta.url).pathname, generated);
  });

  test('examples/codegen/client.gen.ts matches examples/codegen/app', () => {
    const generated = generateFromDefinitions(readApp(`${EXAMPLE}app/`), {
      header: EXAMPLE_HEADER,
    });
    expectGolden(`${EXAMPLE}client.gen.ts`, generated);
  });

  test('the same input in another order gives the same bytes', () => {
    const files = readApp(APP);
    const forward = generateFromDefinitions(files);
    expect(generateFromDefinitions([...files].reverse())).toBe(forward);
  });
});
