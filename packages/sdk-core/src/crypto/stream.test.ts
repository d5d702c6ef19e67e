import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Base64Chunks } from '../jitai/base64.js';
import { TEXT_CHUNK_UNITS, TextSink } from '../json/text-sink.js';
import { nobleCrypto } from './provider.js';
import { hashHexOfText, startHash, Utf8Chunks, Utf8Hash } from './stream.js';

// Every streaming stage is checked against Node's whole-buffer Buffer/crypto on the same
// input, split at arbitrary places: the split must never show in the result.

/** `text` cut at the given offsets (sorted, deduplicated, inside the text). */
function splitAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const c of at) {
    out.push(text.slice(last, c));
    last = c;
  }
  out.push(text.slice(last));
  return out;
}

const unicodeText = fc.string({ unit: 'binary', maxLength: 200 });
const withLoneSurrogates = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('\ud800', '\udfff', '😀', '\ud83d'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function concat(chunks: Uint8Array[]): Buffer {
  return Buffer.concat(chunks.map((c) => Buffer.from(c)));
}

describe('Utf8Chunks', () => {
  test('bytes equal Buffer.from(whole) wherever the text is cut, surrogate pairs split included', () => {
    fc.assert(
      fc.property(
        fc.oneof(unicodeText, withLoneSurrogates),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, cuts) => {
          const got: Uint8Array[] = [];
          const utf8 = new Utf8Chunks((bytes) => got.push(bytes.slice()));
          for (const piece of splitAt(text, cuts)) utf8.write(piece);
          utf8.end();
          expect(concat(got)).toEqual(Buffer.from(text, 'utf8'));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a pair cut between its halves is one code point, a high surrogate left at the end is U+FFFD', () => {
    const got: Uint8Array[] = [];
    const utf8 = new Utf8Chunks((bytes) => got.push(bytes.slice()));
    utf8.write('a\ud83d');
    utf8.write('\ude00b\ud83d');
    utf8.end();
    expect(concat(got)).toEqual(Buffer.from('a😀b\ufffd', 'utf8'));
  });
});

describe('Base64Chunks', () => {
  test('the ASCII equals the base64 of all bytes together, however they arrive', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (bytes, cuts) => {
          const got: Uint8Array[] = [];
          const base64 = new Base64Chunks((ascii) => got.push(ascii.slice()));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          let last = 0;
          for (const c of [...at, bytes.length]) {
            base64.write(bytes.subarray(last, c));
            last = c;
          }
          base64.end();
          expect(concat(got).toString('latin1')).toBe(Buffer.from(bytes).toString('base64'));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('no bytes give no text; one and two bytes are padded only at the end', () => {
    for (const [input, expected] of [
      [[], ''],
      [[0x61], 'YQ=='],
      [[0x61, 0x62], 'YWI='],
      [[0x61, 0x62, 0x63], 'YWJj'],
    ] as const) {
      const got: Uint8Array[] = [];
      const base64 = new Base64Chunks((ascii) => got.push(ascii.slice()));
      for (const byte of input) base64.write(Uint8Array.of(byte));
      base64.end();
      expect(concat(got).toString('latin1')).toBe(expected);
    }
  });
});

describe('TextSink', () => {
  const pieces = fc.array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('x'.repeat(TEXT_CHUNK_UNITS + 3), '😀'.repeat(40_000)),
    ),
    { maxLength: 60 },
  );

  test('collecting returns exactly the pieces joined; streaming hands out chunks that join to it', () => {
    fc.assert(
      fc.property(pieces, (list) => {
        const whole = list.join('');
        const collect = new TextSink();
        for (const p of list) collect.push(p);
        expect(collect.end()).toBe(whole);

        const chunks: string[] = [];
        const stream = new TextSink((chunk) => chunks.push(chunk));
        for (const p of list) stream.push(p);
        const rest = stream.end();
        if (whole.length < TEXT_CHUNK_UNITS) {
          expect(chunks).toEqual([]);
          expect(rest).toBe(whole);
        } else {
          expect(chunks.length).toBeGreaterThan(0);
          expect(rest).toBe('');
          expect(chunks.join('')).toBe(whole);
          // A piece is never split: every chunk but the last is at least one chunk long.
          for (const chunk of chunks.slice(0, -1))
            expect(chunk.length).toBeGreaterThanOrEqual(TEXT_CHUNK_UNITS);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('Utf8Hash', () => {
  test('the digest equals the whole text’s, however it is written: one small chunk, many, big ones', () => {
    const big = fc.constantFrom('', 'é'.repeat(70_000), `${'a'.repeat(65_535)}😀`);
    fc.assert(
      fc.property(
        fc.oneof(unicodeText, withLoneSurrogates),
        big,
        fc.array(fc.nat(), { maxLength: 8 }),
        (small, tail, cuts) => {
          const text = small + tail;
          const hash = new Utf8Hash('sha256', nobleCrypto);
          for (const piece of splitAt(text, cuts)) hash.write(piece);
          expect(hash.hexDigest()).toBe(
            createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('hashHexOfText and startHash', () => {
  test('a text beyond one chunk hashes as the whole UTF-8 buffer, pairs cut by the slices included', () => {
    // A surrogate pair straddles the first 64 Ki slice boundary.
    const text = `${'a'.repeat(TEXT_CHUNK_UNITS - 1)}😀${'é抹'.repeat(50_000)}\ud800`;
    for (const algorithm of ['md5', 'sha1', 'sha256'] as const) {
      expect(hashHexOfText(algorithm, text, nobleCrypto)).toBe(
        createHash(algorithm).update(Buffer.from(text, 'utf8')).digest('hex'),
      );
    }
  });

  test('a provider without createHash gets the pieces together, in order', () => {
    const calls: number[] = [];
    const plain = {
      name: 'plain',
      hash: (algorithm: 'sha256', data: Uint8Array) => {
        calls.push(data.length);
        return nobleCrypto.hash(algorithm, data);
      },
      hmac: nobleCrypto.hmac,
    };
    const hash = startHash('sha256', plain);
    const scratch = Uint8Array.of(1, 2, 3);
    hash.update(scratch);
    scratch.set([4, 5, 6]); // a reused buffer: what was given must already be kept
    hash.update(scratch);
    expect(Buffer.from(hash.digest()).toString('hex')).toBe(
      createHash('sha256')
        .update(Uint8Array.of(1, 2, 3, 4, 5, 6))
        .digest('hex'),
    );
    expect(calls).toEqual([6]);
  });
});
