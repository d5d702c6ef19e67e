import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { jitaiSign } from '../jitai/sign.js';
import { parseLossless } from './lossless.js';
import type { LosslessObject } from './lossless-number.js';
import { pyJsonDumps } from './pyjson.js';

// Byte-for-byte comparison with the machine's own python3: seeded random JSON texts go
// through one python3 process (json.loads → json.dumps, and the JitAi accessSign recipe
// for objects) and through signet. Missing python3 fails the test: it is the reference.

const COUNT = 6000;
const SEED = 0x5eed_2024;
const SECRET = 'diff-secret-é😀&x=1';
const TIMESTAMP = 1764000000000;

const PYTHON = String.raw`
import sys, json, hashlib, base64
SECRET, TS = sys.argv[1], int(sys.argv[2])
def dumps(v):
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
out = []
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if not line:
        continue
    v = json.loads(line)
    sign = None
    if isinstance(v, dict):
        lowered = {k.lower(): x for k, x in {**v, "timestamp": TS, "secret": SECRET}.items()}
        if len(lowered) != len(v) + 2 or any(k.lower() in ("timestamp", "secret", "accesssign") for k in v):
            sign = "REFUSE"
        else:
            p = "&".join(f"{k}={x if isinstance(x, str) else dumps(x)}" for k, x in sorted(lowered.items()))
            sign = hashlib.sha1(base64.b64encode(p.encode("utf-8"))).hexdigest()
    out.append(json.dumps([dumps(v), sign], ensure_ascii=True))
sys.stdout.write("\n".join(out))
`;

/** mulberry32: small, seeded, good enough to spread test cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  text: string;
  /** JSON.parse loses something pyJsonDumps depends on (integral floats, big ints, inf). */
  lossy: boolean;
}

function generator(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);

  // Case mappings of these agree between Python 3.11 (Unicode 14) and any recent ICU.
  const pools: readonly (readonly [number, number])[] = [
    [0x20, 0x7e],
    [0x20, 0x7e],
    [0x20, 0x7e],
    [0x00, 0x1f],
    [0x7f, 0xa0],
    [0xa1, 0x17f],
    [0x391, 0x3c9],
    [0x410, 0x44f],
    [0x2028, 0x2029],
    [0x4e00, 0x4e40],
    [0xe000, 0xe00f],
    [0xff01, 0xff5e],
    [0xfff0, 0xfffd],
    [0x1f600, 0x1f64f],
    [0x1d11e, 0x1d11e],
    [0x10400, 0x1044f],
    [0x10000, 0x10010],
    [0x10fff0, 0x10ffff],
    [0x130, 0x130],
  ];

  function rawString(maxLength: number): string {
    let s = '';
    const n = int(maxLength + 1);
    for (let i = 0; i < n; i++) {
      const [lo, hi] = pick(pools);
      s += String.fromCodePoint(lo + int(hi - lo + 1));
    }
    return s;
  }

  /** A JSON string token for `s`, escaped in one of several styles a peer might use. */
  function stringToken(s: string): string {
    const style = int(4);
    let out = '"';
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      const forced = cp < 0x20 || ch === '"' || ch === '\\';
      if (style === 0 && !forced) out += ch;
      else if (style === 1 || (forced && random() < 0.5)) {
        for (let k = 0; k < ch.length; k++) {
          const hex = ch.charCodeAt(k).toString(16).padStart(4, '0');
          out += `\\u${random() < 0.5 ? hex : hex.toUpperCase()}`;
        }
      } else if (forced) out += JSON.stringify(ch).slice(1, -1);
      else if (ch === '/' && random() < 0.5) out += '\\/';
      else out += ch;
    }
    return `${out}"`;
  }

  function intToken(): { token: string; lossy: boolean } {
    const kind = int(6);
    let digits: string;
    if (kind === 0) digits = String(int(1000));
    else if (kind === 1) digits = String(2 ** 53 - 3 + int(7));
    else if (kind === 2) digits = (2n ** 64n - 2n + BigInt(int(5))).toString();
    else if (kind === 3)
      digits = String(1 + int(9)) + Array.from({ length: int(400) }, () => int(10)).join('');
    else if (kind === 4) digits = '0';
    else digits = String(int(2 ** 31));
    const token = (random() < 0.4 ? '-' : '') + digits;
    const value = BigInt(token);
    const lossy =
      value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER);
    return { token, lossy };
  }

  function floatToken(): { token: string; lossy: boolean } {
    const kind = int(8);
    let token: string;
    if (kind <= 2) {
      // Any finite double, subnormals included: random bits.
      do {
        u32[0] = int(2 ** 32);
        u32[1] = int(2 ** 32);
      } while (!Number.isFinite(f64[0]!));
      token = floatLexeme(f64[0]!);
    } else if (kind === 3) {
      // A double of a chosen decimal magnitude, from 1e-330 to 1e+310.
      token = `${1 + int(9)}.${int(1000)}e${int(640) - 330}`;
    } else if (kind === 4) {
      token = floatLexeme((int(2 ** 20) - 2 ** 19) * 10 ** (int(30) - 5)); // integral values
    } else if (kind === 5) {
      token = pick([
        '1.0',
        '-0.0',
        '0.0',
        '1e400',
        '-1e400',
        '2e-400',
        '5e-324',
        '1E5',
        '12.500',
        '1.25e1',
        '0.10000000000000001',
        '1e16',
        '1e15',
        '1e-5',
        '0.0001',
        '1e21',
        '1e+22',
        '123456789012345678901234567890.5',
        '9007199254740993.0',
        '1.7976931348623157e308',
      ]);
    } else if (kind === 6) {
      token = `${int(100000)}.${String(int(1e6)).padStart(int(8), '0')}`;
    } else {
      token = `${int(10)}.${Array.from({ length: 25 }, () => int(10)).join('')}e${int(40) - 20}`;
    }
    if (random() < 0.3 && !token.startsWith('-')) token = `-${token}`;
    const value = Number(token);
    return {
      token,
      lossy: !Number.isFinite(value) || (Number.isInteger(value) && Math.abs(value) < 1e21),
    };
  }

  /** JS's shortest text of a double, made a float lexeme when JS wrote it as an int. */
  function floatLexeme(x: number): string {
    const s = String(x);
    return /[.eE]/.test(s) ? s : `${s}.0`;
  }

  function value(depth: number): Generated {
    const containers = depth < 6 ? 3 : 0;
    const choice = int(9 + containers);
    switch (choice) {
      case 0:
      case 1:
        return { text: stringToken(rawString(12)), lossy: false };
      case 2:
      case 3:
        return { ...tokenOf(intToken()) };
      case 4:
      case 5:
        return { ...tokenOf(floatToken()) };
      case 6:
        return { text: pick(['true', 'false']), lossy: false };
      case 7:
        return { text: 'null', lossy: false };
      case 8:
        return depth < 2 && random() < 0.1
          ? deep()
          : { text: stringToken(rawString(3)), lossy: false };
      case 9:
        return array(depth);
      default:
        return object(depth);
    }
  }

  const tokenOf = (t: { token: string; lossy: boolean }): Generated => ({
    text: t.token,
    lossy: t.lossy,
  });

  function array(depth: number): Generated {
    const items = Array.from({ length: int(6) }, () => value(depth + 1));
    return join(
      '[',
      ']',
      items.map((i) => i.text),
      items,
    );
  }

  function object(depth: number): Generated {
    const keys = new Set<string>();
    const n = int(7);
    while (keys.size < n) {
      const special = [
        '__proto__',
        'constructor',
        '',
        'toString',
        'ORDERID',
        'orderId',
        'Timestamp',
        'SECRET',
        'accessSign',
      ];
      keys.add(random() < 0.1 ? pick(special) : rawString(6));
    }
    const members = [...keys].map((k) => ({ key: k, ...value(depth + 1) }));
    return join(
      '{',
      '}',
      members.map((m) => `${stringToken(m.key)}${ws()}:${ws()}${m.text}`),
      members,
    );
  }

  function deep(): Generated {
    const levels = 50 + int(400);
    let text = pick(['1.0', '"😀"', '12345678901234567890123']);
    for (let i = 0; i < levels; i++) text = random() < 0.5 ? `[${text}]` : `{"k${i % 3}":${text}}`;
    return { text, lossy: true };
  }

  // No line feeds: one JSON text per line.
  const ws = () => (random() < 0.15 ? pick([' ', '\t', '\r', ' \t\r ']) : '');

  function join(open: string, close: string, parts: string[], items: Generated[]): Generated {
    return {
      text: `${open}${ws()}${parts.join(`${ws()},${ws()}`)}${ws()}${close}`,
      lossy: items.some((i) => i.lossy),
    };
  }

  return { value, object };
}

function generate(): Generated[] {
  const random = prng(SEED);
  const gen = generator(random);
  return Array.from({ length: COUNT }, (_, i) => (i % 3 === 0 ? gen.object(0) : gen.value(0)));
}

function runPython(lines: string[]): [string, string | null][] {
  const result = spawnSync('python3', ['-c', PYTHON, SECRET, String(TIMESTAMP)], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  if (result.error) throw new Error(`python3 could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
  return result.stdout.split('\n').map((l) => JSON.parse(l) as [string, string | null]);
}

describe('python3 differential', () => {
  const values = generate();
  const lines = values.map((v) => v.text);
  const python = runPython(lines);

  test('python3 answered every line', () => {
    expect(values.length).toBeGreaterThanOrEqual(5000);
    expect(python).toHaveLength(values.length);
  });

  test('pyJsonDumps(parseLossless(line)) matches json.dumps(json.loads(line))', () => {
    const mismatches: string[] = [];
    lines.forEach((line, i) => {
      const ours = pyJsonDumps(parseLossless(line, { maxDepth: 1000 }));
      if (ours !== python[i]![0])
        mismatches.push(`${line}\n  python: ${python[i]![0]}\n  signet: ${ours}`);
    });
    expect(mismatches.slice(0, 5).join('\n')).toBe('');
  });

  test('pyJsonDumps(JSON.parse(line)) matches where JSON.parse keeps the numbers', () => {
    const mismatches: string[] = [];
    let compared = 0;
    lines.forEach((line, i) => {
      if (values[i]!.lossy) return;
      compared++;
      const ours = pyJsonDumps(JSON.parse(line));
      if (ours !== python[i]![0])
        mismatches.push(`${line}\n  python: ${python[i]![0]}\n  signet: ${ours}`);
    });
    expect(compared).toBeGreaterThan(2000);
    expect(mismatches.slice(0, 5).join('\n')).toBe('');
  });

  test('jitaiSign matches the Python recipe for every object, refusing what it refuses', () => {
    const mismatches: string[] = [];
    let signed = 0;
    let refused = 0;
    lines.forEach((line, i) => {
      const expected = python[i]![1];
      if (expected === null) return;
      const args = parseLossless(line) as LosslessObject;
      let ours: string;
      try {
        ours = jitaiSign(args, { timestamp: TIMESTAMP, secret: SECRET });
      } catch (error) {
        if (!(error instanceof SignetConfigError)) throw error;
        ours = 'REFUSE';
      }
      if (ours === 'REFUSE') refused++;
      else signed++;
      if (ours !== expected) mismatches.push(`${line}\n  python: ${expected}\n  signet: ${ours}`);
    });
    expect(signed).toBeGreaterThan(1500);
    expect(refused).toBeGreaterThan(50);
    console.info(
      `python3 differential: ${lines.length} values, ${signed} signed, ${refused} refused`,
    );
    expect(mismatches.slice(0, 5).join('\n')).toBe('');
  });
});
