// Core benchmark: canonical JSON serializers and request signing, on one realistic
// 0.5–1 KB order-query args object, all measured in the same run.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import canonicalize from 'canonicalize';
import safeStableStringify from 'safe-stable-stringify';
import { measure } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A realistic order query: non-ASCII strings, ints and floats, nested arrays and objects. */
export const ORDER_QUERY = {
  orderId: 'SO-2024-000123',
  customer: {
    id: 88231,
    name: '张伟',
    email: 'zhang.wei@example.com',
    vip: true,
    tags: ['wholesale', 'priority'],
  },
  items: [
    { sku: 'A-1001', title: 'Café crème 1 kg', qty: 2, price: 18.5, discount: 0.1 },
    { sku: 'B-2002', title: 'Thé vert Sencha', qty: 1, price: 7.25, discount: 0 },
    { sku: 'C-3003', title: '抹茶ラテ', qty: 12, price: 3.99, discount: 0.05 },
  ],
  shipping: {
    method: 'express',
    address: { line1: '1 Rue de la Paix', city: 'Paris', zip: '75002', country: 'FR' },
    fee: 9.9,
  },
  filters: { status: ['paid', 'shipped'], createdAfter: '2024-01-01T00:00:00Z', minTotal: 50.5 },
  page: 1,
  pageSize: 20,
  note: 'Livraison avant 18h — merci ✓',
};

const SECRET = 'bench-access-secret-0123456789abcdef';
const TIMESTAMP = 1_764_647_507_632;

/** Python's `json.dumps(sort_keys=True, separators=(",", ":"))` as a partner would write it: nested keys sorted. */
function sortedStringify(value) {
  if (Array.isArray(value)) return `[${value.map(sortedStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The JitAi recipe (PROTOCOLS.md §1) as a careful partner would write it with node:crypto:
 * top-level keys lower-cased and sorted, nested keys sorted, strings raw. Correct on
 * ORDER_QUERY (asserted before timing), though not in general: no code-point key order,
 * no Python float repr, no refusal of colliding keys or lone surrogates.
 */
export function naiveJitaiSign(args, timestamp, secret) {
  return naiveSign(args, timestamp, secret, sortedStringify);
}

/** The same in a hurry: nested values with JSON.stringify, so nested keys stay unsorted. */
export function flatNaiveJitaiSign(args, timestamp, secret) {
  return naiveSign(args, timestamp, secret, JSON.stringify);
}

function naiveSign(args, timestamp, secret, stringify) {
  const merged = { ...args, timestamp, secret };
  const lowered = {};
  for (const key of Object.keys(merged)) lowered[key.toLowerCase()] = merged[key];
  const paramStr = Object.keys(lowered)
    .sort()
    .map((key) => {
      const value = lowered[key];
      return `${key}=${typeof value === 'string' ? value : stringify(value)}`;
    })
    .join('&');
  return createHash('sha1').update(Buffer.from(paramStr, 'utf8').toString('base64')).digest('hex');
}

async function importOrExit(file, hint) {
  if (!existsSync(file))
    throw new Error(`${path.relative(process.cwd(), file)} is missing: ${hint}`);
  return import(pathToFileURL(file).href);
}

/** sdk-node's nodeCrypto: from the build when it is exported there, else from its source. */
async function loadNodeCrypto() {
  const dist = path.join(root, 'packages/sdk-node/dist/index.js');
  if (existsSync(dist)) {
    const mod = await import(pathToFileURL(dist).href);
    if (mod.nodeCrypto !== undefined) return mod.nodeCrypto;
  }
  // The source only imports types from sdk-core, so Node's type stripping can run it.
  return (await import(pathToFileURL(path.join(root, 'packages/sdk-node/src/node-crypto.ts')).href))
    .nodeCrypto;
}

/**
 * @typedef {{ section: string, name: string, opsPerSec: number, low: number, high: number,
 *   anchor?: string, target?: { anchor: string, min: number }[], note?: string }} BenchRow
 */

/** Runs the core benchmark and returns one row per task (sections: serializers, signing). */
export async function runCoreBench(options = {}) {
  const api = await importOrExit(
    path.join(root, 'packages/sdk-core/dist/index.js'),
    'run `pnpm build` first',
  );
  const nodeCrypto = await loadNodeCrypto();
  const args = ORDER_QUERY;
  const body = JSON.stringify(args);
  const { dfJsonDumps, pyJsonDumps, jcsCanonicalize, jitaiSign, dataFluxSign, hmacSignRequest } =
    api;
  const hmacOptions = api.resolveHmacOptions({ keyId: 'bench-key', secret: SECRET });

  // Cross-check before timing: every contender must compute what it claims.
  const signed = jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET });
  if (jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET, crypto: nodeCrypto }) !== signed) {
    throw new Error('jitaiSign differs between providers');
  }
  if (naiveJitaiSign(args, TIMESTAMP, SECRET) !== signed) {
    throw new Error('the correct naive JitAi anchor does not sign like signet on ORDER_QUERY');
  }
  if (flatNaiveJitaiSign(args, TIMESTAMP, SECRET) === signed) {
    throw new Error('the flat naive anchor should differ on nested args (unsorted nested keys)');
  }

  const S = 'Canonical JSON';
  const G = 'Signing';
  const dataflux = (crypto) => () =>
    dataFluxSign({
      method: 'POST',
      pathWithQuery: '/api/v1/func/demo__basic.echo',
      timestamp: '1764647507',
      nonce: '0123456789abcdef0123456789abcdef',
      body: args,
      akSecret: SECRET,
      ...(crypto === undefined ? {} : { crypto }),
    });
  const hmac = (crypto) => () =>
    hmacSignRequest(
      {
        method: 'POST',
        pathWithQuery: '/orders/query?page=1',
        body,
        now: TIMESTAMP,
        ...(crypto === undefined ? {} : { crypto }),
      },
      hmacOptions,
    );
  const specs = [
    { section: S, name: 'JSON.stringify (not canonical)', fn: () => JSON.stringify(args) },
    { section: S, name: 'safe-stable-stringify', fn: () => safeStableStringify(args) },
    {
      section: S,
      name: 'safe-stable-stringify again (A/A: the harness’s noise)',
      fn: () => safeStableStringify(args),
    },
    { section: S, name: 'canonicalize (RFC 8785 reference)', fn: () => canonicalize(args) },
    {
      section: S,
      name: 'signet pyJsonDumps',
      fn: () => pyJsonDumps(args),
      target: [
        { anchor: 'safe-stable-stringify', min: 1.0 },
        { anchor: 'canonicalize (RFC 8785 reference)', min: 3.0 },
      ],
    },
    { section: S, name: 'signet jcsCanonicalize', fn: () => jcsCanonicalize(args) },
    { section: S, name: 'signet dfJsonDumps', fn: () => dfJsonDumps(args) },
    {
      section: G,
      name: 'correct naive JitAi sign, node:crypto',
      fn: () => naiveJitaiSign(args, TIMESTAMP, SECRET),
    },
    {
      section: G,
      name: 'correct naive JitAi sign again (A/A: the harness’s noise)',
      fn: () => naiveJitaiSign(args, TIMESTAMP, SECRET),
    },
    {
      section: G,
      name: 'flat naive JitAi sign, node:crypto (wrong for nested args)',
      fn: () => flatNaiveJitaiSign(args, TIMESTAMP, SECRET),
    },
    {
      section: G,
      name: 'signet jitaiSign, pure JS (default)',
      fn: () => jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET }),
      target: [{ anchor: 'correct naive JitAi sign, node:crypto', min: 1.0 }],
    },
    {
      section: G,
      name: 'signet jitaiSign, nodeCrypto',
      fn: () => jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET, crypto: nodeCrypto }),
      target: [{ anchor: 'correct naive JitAi sign, node:crypto', min: 1.5 }],
    },
    { section: G, name: 'signet dataFluxSign, pure JS', fn: dataflux(undefined) },
    { section: G, name: 'signet dataFluxSign, nodeCrypto', fn: dataflux(nodeCrypto) },
    { section: G, name: 'signet hmacSignRequest, pure JS', fn: hmac(undefined) },
    { section: G, name: 'signet hmacSignRequest, nodeCrypto', fn: hmac(nodeCrypto) },
  ];
  const measured = await measure(specs, options);
  const anchors = { [S]: 'safe-stable-stringify', [G]: 'correct naive JitAi sign, node:crypto' };
  return specs.map((spec, i) => ({
    section: spec.section,
    input: CORE_INPUT,
    name: spec.name,
    opsPerSec: measured[i].opsPerSec,
    low: measured[i].low,
    high: measured[i].high,
    rounds: measured[i].rounds,
    anchor: anchors[spec.section],
    ...(spec.target === undefined ? {} : { target: spec.target }),
  }));
}

/** What the rows were measured on, for the report. */
export const CORE_INPUT = `the same order-query args object (${Buffer.byteLength(JSON.stringify(ORDER_QUERY))} bytes as JSON: non-ASCII strings, ints and floats, nested arrays and objects)`;
