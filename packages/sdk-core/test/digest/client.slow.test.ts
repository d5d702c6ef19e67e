import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DigestVector, readVectors } from '../../../../test/vectors/load.js';
import { digest } from '../../src/digest/strategy.js';
import { SignetHttpError } from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import type { CallRecord } from '../../src/http/records.js';
import { type ApacheDigest, PROTECTED_TEXT, startApacheDigest } from '../helpers/apache.js';
import { startServer } from '../helpers/http-server.js';
import { param } from './driver.js';
import { type DigestPeer, startDigestPeer } from './peer.js';

// The digest() strategy driven by the real client engine (ky, challenges, re-sends),
// against Apache httpd mod_auth_digest and a strict SHA-256/auth-int peer.
const USER = { username: 'Mufasa', password: 'Circle of Life', realm: 'signet@apache.test' };

describe('digest() against Apache httpd', () => {
  let apache: ApacheDigest;
  beforeAll(async () => {
    apache = await startApacheDigest({ users: [USER], qop: 'auth' });
  });
  afterAll(async () => {
    await apache?.stop();
  });

  test('challenge answered once, then the nonce is reused preemptively with the next nc', async () => {
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: apache.url,
      auth: digest({ username: USER.username, password: USER.password }),
      onCall: (r) => records.push(r),
    });
    const first = await api.request('GET', '/protected/file.txt');
    expect(first.status).toBe(200);
    expect(first.data).toBe(PROTECTED_TEXT);
    const second = await api.request('GET', '/protected/file.txt?a=1&b=%20x');
    expect(second.data).toBe(PROTECTED_TEXT);
    // First call: 401 + answer. Second: a single preemptive request that Apache accepted
    // (Apache checks that nc rose and that uri equals the request target, query included).
    expect(records.map((r) => r.attempts)).toEqual([2, 1]);
    expect(JSON.stringify(records)).not.toContain(USER.password);
  });

  test('a wrong password stops after one answer: SignetHttpError 401, no loop', async () => {
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: apache.url,
      auth: digest({ username: USER.username, password: 'wrong' }),
      onCall: (r) => records.push(r),
    });
    const error = await api.request('GET', '/protected/file.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    expect((error as SignetHttpError).status).toBe(401);
    expect(records[0]!.attempts).toBe(2);
    expect(String((error as Error).message)).not.toContain('wrong');
  });
});

describe('digest() against a strict SHA-256 / auth-int peer', () => {
  let peer: DigestPeer;
  beforeAll(async () => {
    peer = await startDigestPeer({
      realm: 'api@example.org',
      users: { 'Jäsøn Doe': 'Secret, or not?' },
      algorithms: ['MD5', 'SHA-256'],
      qop: ['auth-int'],
      maxUses: 2,
    });
  });
  afterAll(async () => {
    await peer?.stop();
  });

  test('picks SHA-256, hashes the exact body for auth-int, survives stale=true', async () => {
    const api = createClient({
      baseUrl: peer.url,
      auth: digest({ username: 'Jäsøn Doe', password: 'Secret, or not?' }),
    });
    for (let i = 0; i < 4; i++) {
      const res = await api.request('POST', `/r?i=${i}`, { json: { i, text: 'ü' } });
      expect(res.status).toBe(200);
    }
    const statuses = peer.events.map((e) => `${e.status}:${e.reason}`);
    expect(statuses.filter((s) => s.startsWith('200'))).toHaveLength(4);
    // maxUses: 2 → after two accepted uses the peer answers stale=true; the client retried.
    expect(statuses).toContain('401:nonce used up');
    expect(peer.events.every((e) => e.status !== 400)).toBe(true);
  });
});

describe('digest() nonce counts on the wire', () => {
  let peer: DigestPeer;
  beforeAll(async () => {
    peer = await startDigestPeer({
      realm: 'count@example.org',
      users: { counter: 'pw-count' },
      algorithms: ['MD5'],
      qop: ['auth'],
    });
  });
  afterAll(async () => {
    await peer?.stop();
  });

  test('18 calls on one nonce: nc is 00000001 to 00000012, counted in hex', async () => {
    const api = createClient({
      baseUrl: peer.url,
      auth: digest({ username: 'counter', password: 'pw-count' }),
    });
    for (let i = 0; i < 18; i++) expect((await api.request('GET', `/n/${i}`)).status).toBe(200);
    const accepted = peer.events.filter((e) => e.status === 200);
    expect(accepted.map((e) => param(e.authorization, 'nc'))).toEqual(
      Array.from({ length: 18 }, (_, i) => (i + 1).toString(16).padStart(8, '0')),
    );
    expect(new Set(accepted.map((e) => param(e.authorization, 'nonce'))).size).toBe(1);
  });
});

// RFC 7616 §3.9 examples sent as calls: the server issues the example's challenge and the
// client's cnonce is the example's, so the `response` sent must be the RFC's value.
describe('the Digest vectors as calls', () => {
  const vectors = readVectors<DigestVector>('digest/rfc7616.json').cases;
  // signet's cnonce is base64 of 33 random bytes: the RFC 7616 cnonces are exactly that;
  // RFC 2617's `0a4f113b` is not, so that case stays a function-level vector.
  const sendable = vectors.filter((v) => v.cnonce === undefined || v.cnonce.length === 44);

  test('4 of the 5 cases can be sent; RFC 2617 3.5 cannot', () => {
    expect(vectors.filter((v) => !sendable.includes(v)).map((v) => v.id)).toEqual([
      'rfc2617-3.5-md5',
    ]);
  });

  test.each(sendable.map((v) => [v.id, v] as const))(
    '%s: the response sent is the vector’s',
    async (_id, v) => {
      const challenge =
        v.challenge ??
        `Digest realm="${v.realm}", qop="${v.qop}", algorithm=${v.algorithm}, nonce="${v.nonce}"`;
      const server = await startServer((req, res) => {
        const authorization = req.headers.authorization;
        if (param(authorization, 'response') === v.response) {
          res.statusCode = 200;
          res.end('ok');
          return;
        }
        res.statusCode = 401;
        res.setHeader('WWW-Authenticate', challenge);
        res.end();
      });
      try {
        const cnonce = Buffer.from(v.cnonce ?? '', 'base64');
        const api = createClient({
          baseUrl: server.url,
          auth: digest({
            username: v.username,
            password: v.password,
            random: (n) => (n === cnonce.length ? new Uint8Array(cnonce) : new Uint8Array(n)),
          }),
          retry: 0,
        });
        const res = await api.request(v.method, v.uri);
        const sent = server.seen.at(-1)!.headers.authorization;
        expect(res.status).toBe(200);
        expect(server.seen).toHaveLength(2);
        expect(param(sent, 'response')).toBe(v.response);
        expect(param(sent, 'uri')).toBe(v.uri);
        expect(param(sent, 'nc')).toBe(v.nc);
        if (v.cnonce !== undefined) expect(param(sent, 'cnonce')).toBe(v.cnonce);
      } finally {
        await server.close();
      }
    },
  );
});
