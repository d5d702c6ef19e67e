const identifier = /^[A-Za-z_$][\w$]*$/;

/** `.name` for identifier-like keys, `["odd key"]` otherwise, `[3]` for indexes. */
export function pathSegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
