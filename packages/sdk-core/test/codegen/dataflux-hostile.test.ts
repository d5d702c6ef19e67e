import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateFromDataFlux } from '../../src/codegen/generate.js';
import { SignetConfigError, SignetError } from '../../src/errors.js';

// The DataFlux lists come from a server: whatever they hold, generation ends in a
// SignetConfigError or in a module of types only (a title or an id never injects code).

interface Esbuild {
  transformSync(code: string, options: { loader: 'ts' }): { code: string };
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as Esbuild;

describe('hostile lists', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  const param = fc.oneof(fc.constant({}), fc.record({ default: json }), fc.constant(null), json);
  const name = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('*/', '*args', '**kw', 'class', "it's", 'a-b', '订单'),
  );
  const func = fc.record(
    {
      id: fc.oneof(name, fc.constantFrom('demo__main.x', 'x */ y', '1.2')),
      title: fc.oneof(fc.string(), fc.constant(null), fc.constant('*/ pwned')),
      description: fc.oneof(fc.string(), fc.constant(null)),
      definition: fc.oneof(fc.string(), fc.constant(null)),
      argsJSON: fc.oneof(fc.array(name, { maxLength: 4 }), fc.constant(null), json),
      kwargsJSON: fc.oneof(fc.dictionary(name, param, { maxKeys: 4 }), fc.constant(null), json),
    },
    { requiredKeys: [] },
  );
  const api = fc.record(
    {
      apiType: fc.constantFrom('syncAPI', 'asyncAPI', 'other'),
      id: name,
      configFuncId: name,
      funcId: fc.oneof(name, fc.constant(null)),
      funcKwargsJSON: fc.oneof(fc.dictionary(name, param, { maxKeys: 3 }), fc.constant(null)),
      funcCallKwargsJSON: fc.oneof(
        fc.dictionary(name, fc.oneof(json, fc.constant('INPUT_BY_CALLER')), { maxKeys: 3 }),
        json,
      ),
    },
    { requiredKeys: [] },
  );

  test('any JSON gives a SignetConfigError or a module that is types only', () => {
    let generated = 0;
    fc.assert(
      fc.property(
        fc.array(func, { maxLength: 4 }),
        fc.array(api, { maxLength: 3 }),
        (funcs, apis) => {
          let code: string;
          try {
            code = generateFromDataFlux({ funcs, apis });
          } catch (error) {
            if (!(error instanceof SignetError)) throw error;
            expect(error).toBeInstanceOf(SignetConfigError);
            return;
          }
          generated++;
          expect(esbuild.transformSync(code, { loader: 'ts' }).code.trim()).toBe('');
        },
      ),
      { numRuns: 400 },
    );
    expect(generated).toBeGreaterThan(0);
  });
});
