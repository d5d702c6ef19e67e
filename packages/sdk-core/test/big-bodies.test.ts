import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import {
  dataFluxSign as referenceDataFluxSign,
  dataFluxStringToSign as referenceStringToSign,
} from '../../../test/reference/dataflux.js';
import { bodyHash as referenceBodyHash } from '../../../test/reference/hmac-profile.js';
import { nobleCrypto } from '../src/crypto/provider.js';
import { secureRandom } from '../src/crypto/random.js';
import { dataFluxSign } from '../src/dataflux/sign.js';
import { dataflux } from '../src/dataflux/strategy.js';
import { hmacBodyHash } from '../src/hmac/body-hash.js';
import { signJitaiResponse } from '../src/jitai/respond.js';
import { jitaiSign } from '../src/jitai/sign.js';
import { jitai } from '../src/jitai/strategy.js';
import { verifyJitaiResponse } from '../src/jitai/verify.js';
import { TEXT_CHUNK_UNITS } from '../src/json/text-sink.js';

// Bodies far beyond one 64 Ki chunk are hashed as they are written. Each recipe is
// checked here against a reference that does not share signet's code: python3 for JitAi
// (json.dumps + base64 + sha1, as the server), test/reference for DataFlux (its jsonDumps
// on node:crypto) and for the HMAC profile (RFC 8785 from the `canonicalize` package).
// The bodies put multibyte characters and surrogate pairs at many offsets, so chunk and
// base64 group boundaries fall inside them.

const SECRET = 'big-secret-é😀&x=1';
const TIMESTAMP = 1_764_000_000_000;

function bigArgs(seed: number, items: number): Record<string, unknown> {
  const alphabet = ['a', 'Z', '7', ' ', 'é', 'ß', '抹', '茶', '😀', '𝄞', '"', '\\', '\n', '\u2028'];
  let x = seed;
  const next = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % n;
  };
  const text = () =>
    Array.from({ length: 1 + next(23) }, () => alphabet[next(alphabet.length)]).join('');
  return {
    orderId: `SO-${seed}`,
    Note: text(),
    items: Array.from({ length: items }, (_, i) => ({
      sku: `A-${i}`,
      title: text(),
      qty: next(100),
      price: next(10_000) / 4 + 0.25,
      tags: [text(), next(2) === 0],
    })),
  };
}

const CASES = [1, 2, 3].map((seed) => bigArgs(seed, 2500 + seed * 700));

describe('big bodies are signed in chunks exactly as whole', () => {
  test('every case is several chunks long', () => {
    for (const args of CASES)
      expect(JSON.stringify(args).length).toBeGreaterThan(3 * TEXT_CHUNK_UNITS);
  });

  test('JitAi accessSign equals python3’s, on the pure-JS provider and the default one', () => {
    const python = String.raw`
import sys, json, hashlib, base64
SECRET, TS = sys.argv[1], int(sys.argv[2])
def dumps(v):
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if not line:
        continue
    v = {k.lower(): x for k, x in {**json.loads(line), "timestamp": TS, "secret": SECRET}.items()}
    p = "&".join(f"{k}={x if isinstance(x, str) else dumps(x)}" for k, x in sorted(v.items()))
    print(hashlib.sha1(base64.b64encode(p.encode("utf-8"))).hexdigest())
`;
    const run = spawnSync('python3', ['-c', python, SECRET, String(TIMESTAMP)], {
      input: CASES.map((args) => JSON.stringify(args)).join('\n'),
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(run.error, 'python3 is required (scripts/system-deps.sh installs it)').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const expected = run.stdout.trim().split('\n');
    expect(expected).toHaveLength(CASES.length);
    CASES.forEach((args, i) => {
      expect(jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET, crypto: nobleCrypto })).toBe(
        expected[i],
      );
      expect(jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET })).toBe(expected[i]);
    });
  });

  test('the JitAi strategy signs a big body from its entries: the same accessSign, the masked paramStr whole', () => {
    const auth = jitai({ accessKey: 'ak', accessSecret: SECRET });
    const args = CASES[0]!;
    const written = auth.write!(args);
    expect('texts' in written.canonical).toBe(false); // kept as entries, texts not held
    const state = {
      method: 'POST',
      url: new URL('https://h/api/o/a/services/S/f'),
      headers: new Headers(),
      bodyText: written.text,
      canonical: written.canonical,
      now: TIMESTAMP,
      attempt: 0,
      challenge: undefined,
      random: secureRandom,
      crypto: nobleCrypto,
    };
    auth.sign!(state);
    expect(state.headers.get('accessSign')).toBe(
      jitaiSign(JSON.parse(written.text), { timestamp: TIMESTAMP, secret: SECRET }),
    );
    const masked = auth.maskedParamStr(state)!;
    expect(masked).toContain('&secret=*********************&');
    expect(masked).not.toContain(SECRET);
    expect(masked.length).toBeGreaterThan(3 * TEXT_CHUNK_UNITS);
  });

  test('a big signed JitAi response verifies, and one changed character anywhere fails', () => {
    const args = CASES[1]!;
    const signed = signJitaiResponse(args, { secret: SECRET, timestamp: TIMESTAMP });
    const text = JSON.stringify({ errcode: 0, errmsg: '', data: signed });
    expect(verifyJitaiResponse(text, { secret: SECRET, now: TIMESTAMP })).toEqual(args);
    const at = text.indexOf('"A-2000"');
    const tampered = `${text.slice(0, at)}"A-2001"${text.slice(at + 8)}`;
    expect(() => verifyJitaiResponse(tampered, { secret: SECRET, now: TIMESTAMP })).toThrow(
      /signature does not match/,
    );
  });

  test('DataFlux: the streamed bodyMd5 and X-Dff-Ak-Sign equal the reference server’s, hashed whole', () => {
    const auth = dataflux({ akId: 'ak-1', akSecret: SECRET });
    for (const args of CASES) {
      const body = { kwargs: args };
      const request = {
        method: 'post',
        pathWithQuery: '/api/v1/al/x',
        timestamp: '1764000000',
        nonce: 'n-1',
        akSecret: SECRET,
      };
      // What the server hashes: its jsonDumps of JSON.parse of the bytes received.
      const received = { ...request, body: JSON.parse(JSON.stringify(body)) };
      const md5 = referenceStringToSign(received).split('&').pop();
      expect(auth.write!(body, nobleCrypto).canonical).toBe(md5);
      const signature = dataFluxSign({ ...request, body, crypto: nobleCrypto });
      expect(signature.bodyMd5).toBe(md5);
      expect(signature.sign).toBe(referenceDataFluxSign(received));
    }
  });

  test('HMAC body hash: bytes and RFC 8785 (jcs) modes equal the reference profile’s, hashed whole', () => {
    for (const args of CASES) {
      const text = JSON.stringify(args);
      expect(hmacBodyHash(text, 'bytes', nobleCrypto)).toBe(referenceBodyHash(text, 'bytes'));
      expect(hmacBodyHash(text, 'jcs', nobleCrypto)).toBe(referenceBodyHash(text, 'jcs'));
    }
  });
});
