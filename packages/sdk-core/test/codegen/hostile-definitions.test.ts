// Service definitions come from an app folder or from a server's getAuthDetails(): text
// signet does not control ends up in a .ts file the partner compiles. Whatever it holds,
// generation ends in a SignetError or in a module that parses and whose only runtime code
// is the `signetApis` list: a title or a name can never inject a statement.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateFromAuthDetails, SignetError } from '../../src';

interface Esbuild {
  transformSync(code: string, options: { loader: 'ts' }): { code: string };
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as Esbuild;

/** Text meant to break out of comments, strings and identifiers. */
const nasty = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '*/ export const pwned = 1; /*',
    "'; export const pwned = 1; '",
    '"; export const pwned = 1; "',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text a template would read
    '`${pwned}`',
    'a\u2028export const pwned = 1;',
    'x\n*/\nexport const pwned = 1\n/**',
    '\\',
    'constructor',
    '__proto__',
    'then',
    'Promise',
    'query',
    'Order_Svc',
    '订单',
    '',
  ),
);
const dataType = fc.oneof(
  fc.constantFrom('Stext', 'Numeric', 'Checkbox', 'MultiRadio', 'JitList', 'RowList', 'File'),
  nasty,
);
const arg = fc.record(
  {
    name: fc.oneof(fc.constantFrom('orderId', 'a b', 'x-y', '0k'), nasty),
    title: nasty,
    dataType,
    generic: nasty,
    variableConfig: fc.oneof(fc.constant(undefined), fc.record({ dataType })),
  },
  { requiredKeys: ['name', 'dataType'] },
);
const fn = fc.record(
  {
    name: fc.oneof(fc.constantFrom('query', 'create', 'then', 'toString'), nasty),
    title: nasty,
    desc: nasty,
    returnType: dataType,
    args: fc.array(arg, { maxLength: 3 }),
  },
  { requiredKeys: ['name'] },
);
const service = fc.record({
  fullName: fc.oneof(
    fc.constantFrom('services.OrderSvc', 'services.order_svc', 'services.A.B', 'services'),
    nasty,
  ),
  title: nasty,
  functionList: fc.array(fn, { maxLength: 3 }),
});

describe('codegen on hostile definitions', () => {
  test('a data type name cannot close the doc comment it is quoted in (found by the property)', () => {
    const evil = '*/ export const pwned = 1; /*';
    const code = generateFromAuthDetails([
      {
        fullName: 'services.OrderSvc',
        functionList: [
          {
            name: 'query',
            returnType: evil,
            args: [{ name: 'a', dataType: 'JitList', generic: evil }],
          },
        ],
      },
    ]);
    expect(code).toContain('JitAi data type "*\\/ export const pwned = 1; /*" is not known');
    const js = esbuild.transformSync(code, { loader: 'ts' }).code;
    expect(js).not.toContain('pwned');
  });

  test('a SignetError, or a module whose only runtime code is signetApis and signetResultShapes', () => {
    let generated = 0;
    fc.assert(
      fc.property(fc.array(service, { minLength: 1, maxLength: 3 }), (services) => {
        let code: string;
        try {
          code = generateFromAuthDetails(services);
        } catch (error) {
          if (!(error instanceof SignetError)) throw error;
          return;
        }
        generated++;
        const js = esbuild.transformSync(code, { loader: 'ts' }).code;
        // Type erasure leaves two statements: the API names and their result shapes.
        const match =
          /^export const signetApis = (\[[\s\S]*?\]);\s*export const signetResultShapes = (\{[\s\S]*?\});\s*$/.exec(
            js,
          );
        expect(match, js).not.toBeNull();
        const apis = JSON.parse(match![1]!.replace(/,\s*\]$/, ']').replace(/'/g, '"')) as string[];
        const shapes = JSON.parse(match![2]!.replace(/,\s*\}$/, '}')) as Record<string, string>;
        for (const [api, shape] of Object.entries(shapes)) {
          expect(apis).toContain(api);
          expect(shape).toMatch(/^(string|number|object|0\|1|unknown)(\[\])*$/);
        }
        const expected = services.flatMap((s) =>
          s.functionList.map((f) => `${s.fullName}.${f.name}`),
        );
        expect(new Set(apis)).toEqual(new Set(expected));
        expect(js).not.toContain('pwned');
      }),
      { numRuns: 400 },
    );
    // The generator reaches both outcomes.
    expect(generated).toBeGreaterThan(0);
  });
});
