import type { CodegenArg, CodegenFunction, CodegenService } from '../../src/codegen/model.js';

/**
 * Synthetic services whose names grow a character at a time across the 100-column line
 * width, so every layout the generator emulates (type aliases, properties, method
 * signatures, the API tuple) is produced just below, at and just above the point where
 * the formatter breaks it.
 */

const RETURN_TYPES = ['Stext', 'Checkbox', 'MultiRadio', 'JitDict', 'RowList', 'Vector', ''];

const ARG_TYPES: Pick<CodegenArg, 'dataType' | 'variableConfig'>[] = [
  { dataType: 'Stext' },
  { dataType: 'Checkbox' },
  { dataType: 'MultiMember' },
  { dataType: 'Address' },
  { dataType: 'SubTable' },
  { dataType: 'File' },
  { dataType: 'Vector' },
  { dataType: 'JitList', variableConfig: { dataType: 'Checkbox' } },
  {
    dataType: 'JitList',
    variableConfig: { dataType: 'JitList', variableConfig: { dataType: 'Checkbox' } },
  },
  {
    dataType: 'JitList',
    variableConfig: { dataType: 'JitList', variableConfig: { dataType: 'RowData' } },
  },
];

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Results and method signatures: function names from 10 to 95 characters. */
function resultSweep(): CodegenService {
  const functionList: CodegenFunction[] = [];
  RETURN_TYPES.forEach((returnType, kind) => {
    for (const n of range(10, 95)) {
      const fn: CodegenFunction = {
        name: `r${kind}${'x'.repeat(n - 2)}`,
        args: n % 2 === 0 ? [] : [{ name: 'id', dataType: 'Stext' }],
      };
      if (returnType !== '') fn.returnType = returnType;
      functionList.push(fn);
    }
  });
  return { fullName: 'services.R', functionList };
}

/** Properties: argument names from 50 to 100 columns, bare, quoted and double-width. */
function argSweep(): CodegenService {
  const functionList = ARG_TYPES.map((type, kind): CodegenFunction => {
    const args: CodegenArg[] = [];
    for (const n of range(50, 100)) {
      args.push({ ...type, name: `p${'x'.repeat(n - 1)}` });
      args.push({ ...type, name: `q-${'x'.repeat(n - 4)}` });
      args.push({ ...type, name: `订${'单'.repeat(Math.floor(n / 2) - 1)}${n % 2 ? 'x' : ''}` });
    }
    return { name: `a${kind}`, args, returnType: 'Stext' };
  });
  return { fullName: 'services.A', functionList };
}

/** Long service names (interface names, `SignetServices` keys). */
function serviceSweep(): CodegenService[] {
  return range(60, 100).map((n) => ({
    fullName: `services.L${'l'.repeat(n - 1)}`,
    title: `Service of ${n} characters`,
    functionList: [
      { name: 'get', args: [{ name: 'id', dataType: 'Numeric' }], returnType: 'Percent' },
    ],
  }));
}

/** Modules of one API each, whose `signetApis` line grows across the line width. */
function tupleSweep(): CodegenService[][] {
  return range(55, 75).map((n) => [
    { fullName: `services.T${'t'.repeat(n - 16)}`, functionList: [{ name: 'go', args: [] }] },
  ]);
}

/** Every sweep module (each a list of services generated together). */
export function sweepModules(): CodegenService[][] {
  return [[resultSweep(), argSweep(), ...serviceSweep()], ...tupleSweep()];
}
