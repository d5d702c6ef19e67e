import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { digest } from '../../src/digest/strategy.js';
import { SignetHttpError } from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import type { CallRecord } from '../../src/http/records.js';
import { type ApacheDigest, PROTECTED_TEXT, startApacheDigest } from '../helpers/apache.js';
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
