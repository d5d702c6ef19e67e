// Small helpers shared by the vector runners: one result object per case.

/** @typedef {{ name: string, ok: boolean, message?: string }} CaseResult */

/** A passed case. */
export function pass(name) {
  return { name, ok: true };
}

/** A failed case with a one-line reason. */
export function fail(name, message) {
  return { name, ok: false, message };
}

/**
 * Runs `check` for one case: it returns undefined when the case passes, or a reason.
 * An exception is a failure too, reported by its name and message.
 * @returns {Promise<CaseResult>}
 */
export async function runCase(name, check) {
  try {
    const problem = await check();
    return problem === undefined ? pass(name) : fail(name, problem);
  } catch (error) {
    return fail(name, `threw ${describeError(error)}`);
  }
}

/** `Name: message` of an error, or its string form. */
export function describeError(error) {
  if (
    error instanceof Error ||
    (typeof error === 'object' && error !== null && 'message' in error)
  ) {
    return `${error.name ?? 'Error'}: ${error.message}`;
  }
  return String(error);
}

/** Undefined when equal, else where two strings first differ, with a short excerpt of each. */
export function compareText(label, actual, expected) {
  if (actual === expected) return undefined;
  if (typeof actual !== 'string') return `${label}: expected a string, got ${typeof actual}`;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const excerpt = (s) => JSON.stringify(s.slice(Math.max(0, i - 10), i + 30));
  return `${label} differs at index ${i}: expected ${excerpt(expected)}, got ${excerpt(actual)}`;
}

/** The first reason among several checks, or undefined when all pass. */
export function firstProblem(...problems) {
  return problems.find((p) => p !== undefined);
}

/** The API function `name`, or a thrown error saying it is not exported. */
export function need(api, name) {
  const fn = api[name];
  if (typeof fn !== 'function') throw new Error(`the API does not export ${name}()`);
  return fn;
}
