import { afterEach, describe, expect, test } from 'vitest';
import { DigestSession } from '../../src/digest/session.js';
import { drive, param } from './driver.js';
import { type DigestPeer, type DigestPeerOptions, startDigestPeer } from './peer.js';

const PASSWORD = 'Circle of Life';
let peer: DigestPeer | undefined;

afterEach(async () => {
  await peer?.stop();
  peer = undefined;
});

async function start(options: Partial<DigestPeerOptions> = {}): Promise<DigestPeer> {
  peer = await startDigestPeer({
    realm: 'peer@signet.test',
    users: { Mufasa: PASSWORD, 'Jäsøn Doe': 'Secret, or not?' },
    algorithms: ['SHA-256'],
    qop: ['auth'],
    opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
    ...options,
  });
  return peer;
}

const mufasa = () => new DigestSession({ username: 'Mufasa', password: PASSWORD });

describe('DigestSession against a strict in-test peer', () => {
  test('SHA-256: 401 → answer → 200, then a preemptive nc=00000002 without a round trip', async () => {
    // MD5 is listed first: the session still picks the stronger SHA-256 challenge.
    const { url, events } = await start({ algorithms: ['MD5', 'SHA-256'] });
    const session = mufasa();
    const first = await drive(session, `${url}/dir/index.html`);
    expect(first.response.status).toBe(200);
    expect(first.sent).toHaveLength(2);
    expect(param(first.sent[1], 'algorithm')).toBe('SHA-256');
    expect(param(first.sent[1], 'nc')).toBe('00000001');
    expect(first.verified).toBe(true);

    const second = await drive(session, `${url}/dir/other.html`);
    expect(second.response.status).toBe(200);
    expect(second.sent).toHaveLength(1);
    expect(param(second.sent[0], 'nc')).toBe('00000002');
    expect(param(second.sent[0], 'nonce')).toBe(param(first.sent[1], 'nonce'));
    expect(param(second.sent[0], 'cnonce')).not.toBe(param(first.sent[1], 'cnonce'));
    expect(second.verified).toBe(true);
    expect(events.map((e) => e.status)).toEqual([401, 200, 200]);
  });

  test('SHA-512-256 with a query string: uri is the exact request target', async () => {
    const { url, events } = await start({ algorithms: ['SHA-256', 'SHA-512-256', 'MD5'] });
    const session = mufasa();
    const result = await drive(session, `${url}/search?a=1&b=%20x&c=%E2%9C%93`);
    expect(result.response.status).toBe(200);
    expect(param(result.sent[1], 'algorithm')).toBe('SHA-512-256');
    expect(param(result.sent[1], 'uri')).toBe('/search?a=1&b=%20x&c=%E2%9C%93');
    expect(events.at(-1)?.reason).toBe('ok');
  });

  test('MD5-sess keeps its session key across preemptive requests', async () => {
    const { url } = await start({ algorithms: ['MD5-sess'] });
    const session = mufasa();
    const first = await drive(session, `${url}/a`);
    const second = await drive(session, `${url}/b`);
    const third = await drive(session, `${url}/c`);
    expect([first, second, third].map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(param(third.sent[0], 'algorithm')).toBe('MD5-sess');
    expect(param(third.sent[0], 'nc')).toBe('00000003');
    expect(third.verified).toBe(true);
  });

  test('auth-int: the peer checks the body hash', async () => {
    const { url, events } = await start({ qop: ['auth-int'] });
    const session = mufasa();
    const body = JSON.stringify({ order: 1001, note: 'ünïcode' });
    const result = await drive(session, `${url}/orders`, { method: 'POST', body });
    expect(result.response.status).toBe(200);
    expect(param(result.sent[1], 'qop')).toBe('auth-int');
    expect(result.verified).toBe(true);

    // The same nonce and next nc, but signed over one body and sending another: refused.
    const authorization = session.preemptive({ method: 'POST', uri: '/orders', body });
    const tampered = await fetch(`${url}/orders`, {
      method: 'POST',
      body: body.replace('1001', '1002'),
      headers: { authorization: authorization ?? '' },
    });
    expect(tampered.status).toBe(401);
    expect(events.at(-1)?.reason).toBe('wrong response');
  });

  test('auth is preferred when both are offered; auth-int on request', async () => {
    const { url } = await start({ qop: ['auth', 'auth-int'] });
    const plain = await drive(mufasa(), `${url}/x`, { method: 'POST', body: 'a' });
    expect(param(plain.sent[1], 'qop')).toBe('auth');
    const strict = new DigestSession({ username: 'Mufasa', password: PASSWORD, qop: 'auth-int' });
    const integrity = await drive(strict, `${url}/x`, { method: 'POST', body: 'a' });
    expect(integrity.response.status).toBe(200);
    expect(param(integrity.sent[1], 'qop')).toBe('auth-int');
  });

  test('userhash: the user name never goes on the wire', async () => {
    const { url } = await start({ userhash: true, algorithms: ['SHA-256'] });
    const result = await drive(mufasa(), `${url}/me`);
    expect(result.response.status).toBe(200);
    expect(result.sent[1]).toContain('userhash=true');
    expect(result.sent[1]).not.toContain('Mufasa');
    expect(param(result.sent[1], 'username')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a non-ASCII user name goes as username*', async () => {
    const { url } = await start({ algorithms: ['SHA-512-256'] });
    const session = new DigestSession({ username: 'Jäsøn Doe', password: 'Secret, or not?' });
    const result = await drive(session, `${url}/doe.json`);
    expect(result.response.status).toBe(200);
    expect(result.sent[1]).toContain(`username*=UTF-8''J%C3%A4s%C3%B8n%20Doe`);
  });

  test('stale=true: one retry with the new nonce, nc back to 00000001', async () => {
    const { url, events } = await start({ maxUses: 2 });
    const session = mufasa();
    await drive(session, `${url}/1`);
    await drive(session, `${url}/2`);
    const third = await drive(session, `${url}/3`);
    expect(third.response.status).toBe(200);
    expect(third.sent).toHaveLength(2);
    expect(param(third.sent[0], 'nc')).toBe('00000003');
    expect(param(third.sent[1], 'nc')).toBe('00000001');
    expect(param(third.sent[1], 'nonce')).not.toBe(param(third.sent[0], 'nonce'));
    expect(events.map((e) => e.reason)).toEqual([
      'no credentials',
      'ok',
      'ok',
      'nonce used up',
      'ok',
    ]);
  });

  test('a wrong password gets a second 401 and the driver stops', async () => {
    const { url, events } = await start();
    const session = new DigestSession({ username: 'Mufasa', password: 'wrong' });
    const result = await drive(session, `${url}/x`);
    expect(result.response.status).toBe(401);
    expect(result.sent).toHaveLength(2);
    expect(events.map((e) => e.reason)).toEqual(['no credentials', 'wrong response']);
  });

  test('a replayed Authorization is refused by the peer (nc must grow)', async () => {
    const { url, events } = await start();
    const session = mufasa();
    const first = await drive(session, `${url}/x`);
    const replay = await fetch(`${url}/x`, { headers: { authorization: first.sent[1] ?? '' } });
    expect(replay.status).toBe(401);
    expect(events.at(-1)?.reason).toBe('nc 00000001 replayed');
  });

  test('other schemes and several WWW-Authenticate lines', async () => {
    const { url } = await start({
      algorithms: ['MD5', 'SHA-256'],
      otherChallenges: ['Basic realm="peer@signet.test"', 'Bearer'],
    });
    const result = await drive(mufasa(), `${url}/x`);
    expect(result.response.status).toBe(200);
    expect(param(result.sent[1], 'algorithm')).toBe('SHA-256');
  });

  test('RFC 2069 server (no qop): no nc or cnonce, nonce reused preemptively', async () => {
    const { url } = await start({ qop: undefined, algorithms: ['MD5'] });
    const session = mufasa();
    const first = await drive(session, `${url}/a`);
    const second = await drive(session, `${url}/b`);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    expect(first.sent[1]).not.toMatch(/\b(nc|cnonce|qop)=/);
    expect(second.sent).toHaveLength(1);
    // RFC 2617 §3.2.3 defines rspauth without qop too (A2 = ":" uri).
    expect(second.verified).toBe(true);
  });

  test('nextnonce from Authentication-Info is used next, from nc=00000001', async () => {
    const { url, events } = await start({ nextnonce: true });
    const session = mufasa();
    const first = await drive(session, `${url}/a`);
    const second = await drive(session, `${url}/b`);
    expect(second.response.status).toBe(200);
    expect(second.sent).toHaveLength(1);
    expect(param(second.sent[0], 'nonce')).not.toBe(param(first.sent[1], 'nonce'));
    expect(param(second.sent[0], 'nc')).toBe('00000001');
    expect(events).toHaveLength(3);
  });

  test('a UTF-8 realm survives the Latin-1 decoding of fetch headers', async () => {
    const { url, events } = await start({ realm: 'Zürich Büro', userhash: true });
    const result = await drive(mufasa(), `${url}/x`);
    expect(events.at(-1)?.reason).toBe('ok');
    expect(result.response.status).toBe(200);
    expect(result.verified).toBe(true);
  });

  test('domain limits preemptive answers to its prefixes', async () => {
    const { url, events } = await start({ domain: '/api/' });
    const session = mufasa();
    await drive(session, `${url}/api/a`);
    expect((await drive(session, `${url}/api/b`)).sent).toHaveLength(1);
    const outside = await drive(session, `${url}/other`);
    expect(outside.sent[0]).toBeUndefined();
    expect(outside.response.status).toBe(200);
    expect(events.filter((e) => e.status === 401)).toHaveLength(2);
  });
});
