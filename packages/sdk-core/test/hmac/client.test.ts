import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  type BodyHashMode,
  bodyHash,
  mac,
  requestStringToSign,
  responseStringToSign,
} from '../../../../test/reference/hmac-profile.js';
import { VECTORS_DIR } from '../../../../test/vectors/load.js';
import { SignetHttpError, SignetSignatureError } from '../../src/errors.js';
import { hmacSignature } from '../../src/hmac/strategy.js';
import { createClient } from '../../src/http/generic-client.js';
import type { CallRecord } from '../../src/http/records.js';
import { json, type SeenRequest, startServer } from '../helpers/http-server.js';

// A generic-profile API server on 127.0.0.1 that verifies like a real one: signature,
// ±300 s window, nonce replay, and signs its responses bound to the request nonce. It
// checks and signs with test/reference/hmac-profile.ts (the README's recipe written again
// with node:crypto, JCS from the canonicalize package), not with signet's own code.
const KEY = { keyId: 'partner-1', secret: 'hmac-secret-value-123' };
const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The server's check of a signed request: 'ok' or what is wrong. */
function verifyRequest(req: SeenRequest, now: number, mode: BodyHashMode): string {
  const header = (name: string) => req.headers[name] as string | undefined;
  if (header('x-signet-key') !== KEY.keyId) return 'unknown-key';
  const timestamp = header('x-signet-timestamp') ?? '';
  const nonce = header('x-signet-nonce') ?? '';
  if (!/^\d+$/.test(timestamp)) return 'bad-timestamp';
  if (Math.abs(Number(timestamp) * 1000 - now) > 300_000) return 'expired';
  const hash = bodyHash(req.body === '' ? undefined : req.body, mode);
  if (header('x-signet-content-sha256') !== hash) return 'bad-body-hash';
  const stringToSign = requestStringToSign({
    keyId: KEY.keyId,
    method: req.method,
    pathWithQuery: req.url,
    timestamp,
    nonce,
    bodyHash: hash,
  });
  return header('x-signet-signature') === mac(KEY.secret, stringToSign) ? 'ok' : 'bad-signature';
}

async function hmacServer(
  options: { clockOffsetMs?: number; tamper?: boolean; bodyHash?: BodyHashMode } = {},
) {
  const nonces = new Set<string>();
  const mode = options.bodyHash ?? 'bytes';
  const server = await startServer((req: SeenRequest, res) => {
    const now = Date.now() + (options.clockOffsetMs ?? 0);
    res.setHeader('date', new Date(now).toUTCString());
    const verdict = verifyRequest(req, now, mode);
    if (verdict !== 'ok') return json(res, 401, { error: verdict });
    const nonce = req.headers['x-signet-nonce'] as string;
    if (nonces.has(nonce)) return json(res, 401, { error: 'replayed-nonce' });
    nonces.add(nonce);
    const body = JSON.stringify({ got: req.body === '' ? null : JSON.parse(req.body) });
    const timestamp = String(Math.floor(now / 1000));
    const hash = bodyHash(body, mode);
    const signature = mac(KEY.secret, responseStringToSign(200, timestamp, nonce, hash));
    res.setHeader('X-Signet-Timestamp', timestamp);
    res.setHeader('X-Signet-Content-SHA256', hash);
    res.setHeader('X-Signet-Signature', options.tamper ? flipFirst(signature) : signature);
    json(res, 200, body);
  });
  servers.push(server);
  return server;
}

describe('hmacSignature() through createClient', () => {
  test('signed request accepted, signed response verified', async () => {
    const server = await hmacServer();
    const api = createClient({
      baseUrl: server.url,
      auth: hmacSignature({ ...KEY, verifyResponses: true }),
    });
    const res = await api.request('POST', '/orders?x=%20y', { json: { id: 1, name: 'ü' } });
    expect(res.data).toEqual({ got: { id: 1, name: 'ü' } });
    expect(server.seen[0]!.headers['x-signet-key']).toBe('partner-1');
  });

  test('a tampered response signature is rejected with SignetSignatureError', async () => {
    const server = await hmacServer({ tamper: true });
    const api = createClient({
      baseUrl: server.url,
      auth: hmacSignature({ ...KEY, verifyResponses: true }),
    });
    const error = await api.request('GET', '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect((error as SignetSignatureError).problem).toBe('bad-signature');
  });

  test('retries are re-signed with fresh nonces (the server refuses replays)', async () => {
    let first = true;
    const inner = await hmacServer();
    const proxy = await startServer(async (req, res) => {
      if (first) {
        first = false;
        return json(res, 503, { busy: true });
      }
      const upstream = await fetch(inner.url + req.url, {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            ([k]) => k.startsWith('x-signet') || k === 'content-type',
          ),
        ) as Record<string, string>,
      });
      res.statusCode = upstream.status;
      res.end(await upstream.text());
    });
    servers.push(proxy);
    const api = createClient({
      baseUrl: proxy.url,
      auth: hmacSignature(KEY),
      retry: { limit: 2, delay: () => 1 },
    });
    expect((await api.request('GET', '/x')).status).toBe(200);
    const [a, b] = proxy.seen;
    expect(a!.headers['x-signet-nonce']).not.toBe(b!.headers['x-signet-nonce']);
    expect(a!.headers['x-signet-signature']).not.toBe(b!.headers['x-signet-signature']);
  });

  test('a server 10 minutes ahead: one 401, clock corrected from Date, re-signed once', async () => {
    const server = await hmacServer({ clockOffsetMs: 600_000 });
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: server.url,
      auth: hmacSignature(KEY),
      onCall: (r) => records.push(r),
    });
    expect((await api.request('GET', '/x')).status).toBe(200);
    expect(records[0]!.attempts).toBe(2);
    expect(Math.abs(api.clockOffsetMs - 600_000)).toBeLessThan(2_000);
    // Kept for later calls: the next one is signed right the first time.
    await api.request('GET', '/y');
    expect(records[1]!.attempts).toBe(1);
  });

  test('clockSkew: false leaves the rejection to the caller', async () => {
    const server = await hmacServer({ clockOffsetMs: 600_000 });
    const api = createClient({ baseUrl: server.url, auth: hmacSignature(KEY), clockSkew: false });
    await expect(api.request('GET', '/x')).rejects.toBeInstanceOf(SignetHttpError);
  });

  test('a forged Date two hours away is refused, not followed', async () => {
    const server = await hmacServer({ clockOffsetMs: 7_200_000 });
    const api = createClient({ baseUrl: server.url, auth: hmacSignature(KEY) });
    const error = await api.request('GET', '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect((error as SignetSignatureError).problem).toBe('clock-skew');
    expect(api.clockOffsetMs).toBe(0);
  });

  test('the secret never shows in errors or records', async () => {
    const server = await hmacServer({ tamper: true });
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: server.url,
      auth: hmacSignature({ ...KEY, verifyResponses: true }),
      onCall: (r) => records.push(r),
    });
    const error = (await api
      .request('GET', `/x?echo=${KEY.secret}`)
      .catch((e: unknown) => e)) as Error;
    const text = `${error.message}\n${error.stack}\n${JSON.stringify(records)}`;
    expect(text).not.toContain(KEY.secret);
  });
});

/** A different signature: flips the first hex digit (a fixed "0" is no change 1 time in 16). */
function flipFirst(sig: string): string {
  return `${sig[0] === '0' ? '1' : '0'}${sig.slice(1)}`;
}

describe('bodyHash jcs on the RFC 8785 vectors, as calls', () => {
  const dir = path.join(VECTORS_DIR, 'jcs');
  const files = readdirSync(path.join(dir, 'input')).filter((f) => f.endsWith('.json'));

  test.each(files)(
    '%s: the body hash sent is SHA-256 of the vector output, and the server accepts it',
    async (file) => {
      const server = await hmacServer({ bodyHash: 'jcs' });
      const api = createClient({
        baseUrl: server.url,
        auth: hmacSignature({ ...KEY, bodyHash: 'jcs', verifyResponses: true }),
      });
      const input = JSON.parse(readFileSync(path.join(dir, 'input', file), 'utf8'));
      const res = await api.request('POST', `/jcs/${file}?v=1`, { json: input });
      expect(res.status).toBe(200);
      const expected = bodyHash(readFileSync(path.join(dir, 'output', file), 'utf8'), 'bytes');
      expect(server.seen[0]!.headers['x-signet-content-sha256']).toBe(expected);
    },
  );
});
