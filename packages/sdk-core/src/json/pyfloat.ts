/**
 * Python's `repr(float)`, which is what `json.dumps` writes for a float, with the
 * non-finite spellings `json.dumps` uses (`NaN`, `Infinity`, `-Infinity`).
 *
 * Python and JS agree on the digits (the shortest ones that round-trip); they differ in
 * layout. Python writes fixed notation when the decimal exponent is in [-4, 16), always
 * with a fraction (`1.0`, `1234567890123456.0`), and otherwise `d.ddde±XX` with at least
 * two exponent digits (`1e+16`, `1.5e-05`, `5e-324`). `-0.0` keeps its sign.
 */
export function pyFloatRepr(n: number): string {
  const abs = n < 0 ? -n : n;
  // Comparing the double itself is exact here: a double below 1e16 (or at least 1e-4)
  // never has shortest digits that round to the other side of the boundary.
  if (abs >= 1e-4 && abs < 1e16) {
    const text = String(n);
    return Number.isInteger(n) ? `${text}.0` : text;
  }
  if (abs === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  if (Number.isNaN(abs)) return 'NaN';
  if (abs === Number.POSITIVE_INFINITY) return n < 0 ? '-Infinity' : 'Infinity';
  return (n < 0 ? '-' : '') + scientific(String(abs));
}

/** Re-lays JS's text of a positive double outside [1e-4, 1e16) as Python's `d.ddde±XX`. */
function scientific(js: string): string {
  let digits: string;
  let exponent: number;
  const e = js.indexOf('e');
  if (e !== -1) {
    // 1.5e-7, 1e+21: JS already has the mantissa Python wants.
    return withExponent(js.slice(0, e), Number(js.slice(e + 1)));
  }
  if (js.charCodeAt(0) === 0x30) {
    // 0.0000123 (1e-6 <= n < 1e-4): leading zeros give the exponent.
    let i = 2;
    while (js.charCodeAt(i) === 0x30) i++;
    digits = js.slice(i);
    exponent = 1 - i;
  } else {
    // 12345678901234567000 (1e16 <= n < 1e21): JS pads the digits with zeros.
    let end = js.length;
    while (js.charCodeAt(end - 1) === 0x30) end--;
    digits = js.slice(0, end);
    exponent = js.length - 1;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return withExponent(mantissa, exponent);
}

function withExponent(mantissa: string, exponent: number): string {
  const sign = exponent < 0 ? '-' : '+';
  const abs = exponent < 0 ? -exponent : exponent;
  return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
}
