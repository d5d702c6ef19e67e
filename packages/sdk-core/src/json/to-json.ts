/**
 * What JSON.stringify serializes in place of `value`: the result of its `toJSON(key)` when
 * it has one (Date → ISO string), else the value itself. Shared by the serializers that
 * mirror JSON.stringify's view of a JS value.
 */
export function applyToJSON(value: unknown, key: string | number): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (value as { toJSON(key: string): unknown }).toJSON(String(key));
  }
  return value;
}
