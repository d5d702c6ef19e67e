/**
 * Naming rules of the generated module.
 *
 * - A function name must be what signet can call: an ASCII identifier
 *   (`/^[A-Za-z_$][\w$]*$/`, the rule `jit.call` applies to every API-name segment), and not
 *   one of the names a service proxy never answers (`then`, `toString`…).
 * - A service full name must be a dotted name of such identifiers (`services.OrderSvc`).
 * - Type names are PascalCase: the last segment of the service name (`OrderSvc`), then the
 *   function name (`OrderSvcQueryArgs`); `_` and `$` split words (`order_svc` → `OrderSvc`).
 *   Two declarations that end up with the same name are an error, not silently renamed.
 * - Argument names are written bare when they are identifier names and quoted otherwise.
 */

/** Global names the generated module refers to; a declaration must not shadow them. */
export const GLOBALS_USED: ReadonlySet<string> = /* @__PURE__ */ new Set(['Promise', 'Record']);

/** `order_svc` → `OrderSvc`, `query` → `Query`; `undefined` when no valid name comes out. */
export function pascalCase(name: string): string | undefined {
  const out = name
    .split(/[_$]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return /^[A-Za-z][A-Za-z0-9]*$/.test(out) ? out : undefined;
}

const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** A property name as written in an interface: bare when it can be, else a string literal. */
export function propertyKey(name: string): string {
  return IDENTIFIER_NAME.test(name) ? name : stringLiteral(name);
}

/**
 * A string literal in the formatter's style: single quotes, unless the text holds more
 * single than double quotes.
 */
export function stringLiteral(text: string): string {
  const singles = text.split("'").length - 1;
  const doubles = text.split('"').length - 1;
  const quote = singles > doubles ? '"' : "'";
  let out = '';
  for (const char of text) {
    if (char === quote || char === '\\') out += `\\${char}`;
    else out += escapeControl(char);
  }
  return quote + out + quote;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

function escapeControl(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
    return `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return char;
}
