/** Headers as a server or client sees them: a `Headers` object or a plain record. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Case-insensitive lookup; a repeated header (array) counts as absent: it is ambiguous. */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const wanted = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}
