// Small, plausible bugs in signet's canonical forms and signatures, one or more per
// protocol. Each must make call-level tests fail (a client against a server, kit-backed
// or not), not only the unit tests next to the file: `node test/mutations/run.mjs`
// applies each one to a temporary copy of the repository and runs those tests.
// `find` must occur exactly once in `file` (mutations.test.ts checks it on every run).

/** @type {readonly import('./mutations.d.mts').Mutation[]} */
export const MUTATIONS = [
  {
    id: 'jitai-key-order-utf16',
    protocol: 'jitai',
    what: 'JitAi/Python key order by UTF-16 units (JS sort) instead of code points',
    file: 'packages/sdk-core/src/json/codepoint.ts',
    find: 'export function compareCodePoints(a: string, b: string): number {\n',
    replace:
      'export function compareCodePoints(a: string, b: string): number {\n  return a < b ? -1 : a > b ? 1 : 0;\n',
  },
  {
    id: 'jitai-float-fixed-below-1e21',
    protocol: 'jitai',
    what: 'Python float repr switching to exponent form at 1e21 (JS) instead of 1e16',
    file: 'packages/sdk-core/src/json/pyfloat.ts',
    find: 'if (abs >= 1e-4 && abs < 1e16) {',
    replace: 'if (abs >= 1e-4 && abs < 1e21) {',
  },
  {
    id: 'jitai-top-level-string-quoted',
    protocol: 'jitai',
    what: 'a top-level string arg JSON-encoded in the paramStr instead of raw',
    file: 'packages/sdk-core/src/jitai/params.ts',
    find: '  sink.push(wire);\n}\n\nfunction collision',
    replace: '  sink.push(JSON.stringify(wire));\n}\n\nfunction collision',
  },
  {
    id: 'dataflux-jsondumps-code-points',
    protocol: 'dataflux',
    what: 'DataFlux jsonDumps keys sorted by code point instead of UTF-16 units',
    file: 'packages/sdk-core/src/json/dfjson.ts',
    find: 'const keys = sortByCodeUnits(Object.keys(record));',
    replace:
      'const keys = Object.keys(record).sort((a, b) => { const x = Array.from(a, (c) => c.codePointAt(0) ?? 0); const y = Array.from(b, (c) => c.codePointAt(0) ?? 0); for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0); return x.length - y.length; });',
  },
  {
    id: 'dataflux-jsondumps-escaped',
    protocol: 'dataflux',
    what: 'DataFlux jsonDumps escaping strings as JSON does (the server does not escape)',
    file: 'packages/sdk-core/src/json/dfjson.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text searched for
    find: '    case \'string\':\n      sink.push(`"${v}"`);',
    replace: "    case 'string':\n      sink.push(JSON.stringify(v));",
  },
  {
    id: 'digest-nc-decimal',
    protocol: 'digest',
    what: 'Digest nc counted in decimal instead of 8 hex digits',
    file: 'packages/sdk-core/src/digest/session.ts',
    find: "nc = space.nc.toString(16).padStart(8, '0');",
    replace: "nc = String(space.nc).padStart(8, '0');",
  },
  {
    id: 'hmac-jcs-code-points',
    protocol: 'hmac',
    what: "JCS (bodyHash 'jcs') members sorted by code point instead of UTF-16 units",
    file: 'packages/sdk-core/src/json/jcs.ts',
    find: 'const keys = sortByCodeUnits(Object.keys(object));',
    replace:
      'const keys = Object.keys(object).sort((a, b) => { const x = Array.from(a, (c) => c.codePointAt(0) ?? 0); const y = Array.from(b, (c) => c.codePointAt(0) ?? 0); for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0); return x.length - y.length; });',
  },
  {
    id: 'hmac-query-unsigned',
    protocol: 'hmac',
    what: 'the generic HMAC profile signing the path without its query',
    file: 'packages/sdk-core/src/hmac/strategy.ts',
    find: 'pathWithQuery: state.url.pathname + state.url.search,',
    replace: 'pathWithQuery: state.url.pathname,',
  },
];

/**
 * The call-level tests: signet's clients making calls (over 127.0.0.1, msw or a scripted
 * fetch) against servers that verify, the sdk-core helper servers and the testing kit's
 * emulators. A mutation counts as caught only when one of these fails.
 */
export const CALL_LEVEL = [
  'packages/sdk-core/test/jitai/client.test.ts',
  'packages/sdk-core/test/dataflux/client.test.ts',
  'packages/sdk-core/test/hmac/client.test.ts',
  'packages/sdk-core/test/digest/client.slow.test.ts',
  'packages/sdk-core/test/http/generic-client.test.ts',
  'packages/sdk-core/test/hostile-responses.test.ts',
  'packages/sdk-testing/test/client-on-kit.test.ts',
  'packages/sdk-testing/test/jitai-emulator.test.ts',
  'packages/sdk-testing/test/adapters.test.ts',
  'packages/sdk-testing/test/faults-cors.test.ts',
  'packages/sdk-testing/test/remote-signer.test.ts',
  'packages/sdk-testing/test/dataflux-api-auth.test.ts',
  'packages/sdk-testing/test/dataflux-openapi.test.ts',
  'packages/sdk-testing/test/dataflux-sync.test.ts',
];
