/**
 * DataFlux lists whose ids and parameter names grow a character at a time across the
 * 100-column line width, with defaults of each JSON type, so every layout the DataFlux
 * generator writes (properties, type aliases, table entries) is produced just below, at
 * and just above the point where the formatter breaks it.
 */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const DEFAULTS: unknown[] = [{}, [1], 'text', 1, true, null];

export function dataFluxSweep(): { funcs: unknown[]; apis: unknown[] } {
  const funcs = range(40, 100).map((n) => {
    const kwargs: Record<string, unknown> = { id: {} };
    DEFAULTS.forEach((value, i) => {
      kwargs[`p${i}${'x'.repeat(n - 2)}`] = { default: value };
      kwargs[`q-${i}${'x'.repeat(n - 4)}`] = { default: value };
    });
    return {
      id: `sweep__s${n}.f${'x'.repeat(n - 12)}`,
      title: `Function of ${n} characters`,
      argsJSON: Object.keys(kwargs),
      kwargsJSON: kwargs,
    };
  });
  const apis = range(40, 100).map((n) => ({
    apiType: n % 2 === 0 ? 'syncAPI' : 'asyncAPI',
    id: `api-${'y'.repeat(n - 4)}`,
    configFuncId: `sweep__s${n}.f${'x'.repeat(n - 12)}`,
    funcId: `sweep__s${n}.f${'x'.repeat(n - 12)}`,
    funcKwargsJSON: { id: {}, [`fixed${'z'.repeat(n - 5)}`]: { default: 1 } },
    funcCallKwargsJSON: {
      [`fixed${'z'.repeat(n - 5)}`]: 2,
      [`left${'w'.repeat(n - 4)}`]: 'INPUT_BY_CALLER',
    },
  }));
  return { funcs, apis };
}
