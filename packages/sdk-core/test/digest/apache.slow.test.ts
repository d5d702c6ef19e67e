import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDigestAuthorization } from '../../src/digest/authorization.js';
import { computeDigestResponse } from '../../src/digest/compute.js';
import { DigestSession } from '../../src/digest/session.js';
import { digest } from '../../src/digest/strategy.js';
import { SignetHttpError } from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import {
  type ApacheDigest,
  PROTECTED_TEXT,
  SHORT_NONCE_LIFETIME_S,
  startApacheDigest,
} from '../helpers/apache.js';
import { drive, param } from './driver.js';

// Real Apache httpd 2.4 mod_auth_digest (MD5, qop=auth, AuthDigestNcCheck On). Every
// rejection is matched to the line Apache logs for it, so a pass means Apache really
// checked what the test claims, not that something else failed.
const USER = { username: 'Mufasa', password: 'Circle of Life', realm: 'signet@apache.test' };
// htdigest files hold user names as bytes; these two are written in UTF-8 (as a UTF-8
// terminal's htdigest writes them): one within Latin-1, one beyond it.
const ZOE = { username: 'zoë', password: 'pässwörd', realm: USER.realm };
const JASON = { username: 'Jäsøn Łukasz', password: 'Circle of Life', realm: USER.realm };
let apache: ApacheDigest;
let logMark = 0;

beforeAll(async () => {
  apache = await startApacheDigest({ users: [USER, ZOE, JASON], qop: 'auth' });
});

afterAll(async () => {
  await apache?.stop();
});

const session = (password = USER.password) =>
  new DigestSession({ username: USER.username, password });

/** Apache's error log lines written since the last call. */
async function newLogLines(): Promise<string> {
  const log = await apache.errorLog();
  const fresh = log.slice(logMark);
  logMark = log.length;
  return fresh;
}

test('an Apache that cannot start fails loudly, with its own explanation', async () => {
  await expect(
    startApacheDigest({ users: [USER], extraConfig: 'NoSuchDirective on' }),
  ).rejects.toThrow(/Apache did not start[\s\S]*NoSuchDirective/);
});

describe('DigestSession against Apache httpd mod_auth_digest', () => {
  test('a fresh challenge is answered and the file comes back; rspauth checks out', async () => {
    await newLogLines();
    const result = await drive(session(), `${apache.url}/protected/file.txt`);
    expect(result.response.status).toBe(200);
    expect(result.body).toBe(PROTECTED_TEXT);
    expect(result.sent).toHaveLength(2);
    expect(param(result.sent[1], 'algorithm')).toBe('MD5');
    expect(param(result.sent[1], 'qop')).toBe('auth');
    expect(param(result.sent[1], 'nc')).toBe('00000001');
    // Apache sends Authentication-Info with rspauth: mutual authentication verified.
    expect(result.verified).toBe(true);
    expect(await newLogLines()).not.toContain('auth_digest');
  });

  test('the next request reuses the nonce preemptively with nc=00000002', async () => {
    const digest = session();
    const first = await drive(digest, `${apache.url}/protected/file.txt`);
    const second = await drive(digest, `${apache.url}/protected/file.txt`);
    expect(second.response.status).toBe(200);
    expect(second.sent).toHaveLength(1);
    expect(param(second.sent[0], 'nc')).toBe('00000002');
    expect(param(second.sent[0], 'nonce')).toBe(param(first.sent[1], 'nonce'));
    expect(second.verified).toBe(true);
  });

  test('a request target with a query string: uri sent exactly', async () => {
    const digest = session();
    const target = '/protected/file.txt?a=1&b=%20x';
    const result = await drive(digest, `${apache.url}${target}`);
    expect(result.response.status).toBe(200);
    expect(param(result.sent[1], 'uri')).toBe(target);

    // Apache compares uri with the request line: the same query spelled differently fails.
    await newLogLines();
    const authorization = digest.preemptive({ method: 'GET', uri: target }) ?? '';
    const moved = await fetch(`${apache.url}/protected/file.txt?a=1&b=+x`, {
      headers: { authorization },
    });
    expect(moved.status).toBe(400);
    expect(await newLogLines()).toMatch(/AH01786: uri mismatch/);
  });

  test('a wrong password: 401 again, and the driver stops', async () => {
    await newLogLines();
    const result = await drive(session('Circle of Strife'), `${apache.url}/protected/file.txt`);
    expect(result.response.status).toBe(401);
    expect(result.sent).toHaveLength(2);
    expect(await newLogLines()).toMatch(/AH01794: user Mufasa: password mismatch/);
  });

  test('a replayed nc is refused; so is an older one arriving late', async () => {
    const digest = session();
    const first = await drive(digest, `${apache.url}/protected/file.txt`);
    await newLogLines();
    const replay = await fetch(`${apache.url}/protected/file.txt`, {
      headers: { authorization: first.sent[1] ?? '' },
    });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('www-authenticate')).not.toContain('stale=true');
    expect(await newLogLines()).toMatch(/AH01774: .*nonce-count check failed: 1 is not above 1/);

    // Two preemptive answers delivered out of order: Apache wants nc to grow.
    const request = { method: 'GET', uri: '/protected/file.txt' };
    const nc2 = digest.preemptive(request) ?? '';
    const nc3 = digest.preemptive(request) ?? '';
    const statuses: number[] = [];
    for (const authorization of [nc3, nc2]) {
      const response = await fetch(`${apache.url}/protected/file.txt`, {
        headers: { authorization },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 401]);
    expect(await newLogLines()).toMatch(/nonce-count check failed: 2 is not above 3/);
  });

  test('an expired nonce gets stale=true and one retry succeeds', async () => {
    // Apache's clock decides, so the margins go where load cannot hurt: the lifetime gives
    // the first exchange 2 s, and the wait is 1.5 s longer than the lifetime (load only
    // makes it longer). Polling would not do: each answer carries a fresh nextnonce.
    const digest = session();
    const first = await drive(digest, `${apache.url}/short/file.txt`);
    expect(first.response.status).toBe(200);
    const wait = SHORT_NONCE_LIFETIME_S * 1000 + 1_500;
    await new Promise((resolve) => setTimeout(resolve, wait));
    await newLogLines();
    const later = await drive(digest, `${apache.url}/short/file.txt`);
    expect(later.response.status).toBe(200);
    expect(later.sent).toHaveLength(2);
    expect(param(later.sent[1], 'nc')).toBe('00000001');
    expect(param(later.sent[1], 'nonce')).not.toBe(param(later.sent[0], 'nonce'));
    expect(await newLogLines()).toMatch(/AH01778: user Mufasa: nonce expired/);
  });

  test('Apache also checks opaque, realm, algorithm and method', async () => {
    const digest = session();
    const first = await drive(digest, `${apache.url}/protected/file.txt`);
    const nonce = param(first.sent[1], 'nonce') ?? '';
    const opaque = param(first.sent[1], 'opaque') ?? '';
    let nc = 1;
    const send = async (changes: {
      opaque?: string;
      realm?: string;
      algorithm?: string;
      method?: string;
    }) => {
      nc += 1;
      const fields = {
        algorithm: 'MD5' as const,
        username: USER.username,
        password: USER.password,
        realm: changes.realm ?? USER.realm,
        nonce,
        method: changes.method ?? 'GET',
        uri: '/protected/file.txt',
        qop: 'auth' as const,
        nc: nc.toString(16).padStart(8, '0'),
        cnonce: `cnonce-${nc}`,
      };
      const authorization = formatDigestAuthorization({
        ...fields,
        algorithm: changes.algorithm ?? 'MD5',
        response: computeDigestResponse(fields),
        opaque: changes.opaque ?? opaque,
      });
      await newLogLines();
      const response = await fetch(`${apache.url}/protected/file.txt`, {
        headers: { authorization },
      });
      return { status: response.status, log: await newLogLines() };
    };
    expect(await send({})).toEqual({ status: 200, log: '' }); // the control
    // The nonce's hash covers opaque, so a changed opaque makes the nonce invalid.
    expect(await send({ opaque: `${opaque}9` })).toMatchObject({
      status: 401,
      log: expect.stringMatching(/AH01776: invalid nonce/),
    });
    expect(await send({ realm: 'elsewhere' })).toMatchObject({
      status: 401,
      log: expect.stringMatching(/AH01788: realm mismatch/),
    });
    expect(await send({ algorithm: 'SHA-256' })).toMatchObject({
      status: 401,
      log: expect.stringMatching(/AH01789: unknown algorithm `SHA-256'/),
    });
    expect(await send({ method: 'POST' })).toMatchObject({
      status: 401,
      log: expect.stringMatching(/password mismatch/),
    });
  });
});

describe('user names beyond ASCII against Apache (a UTF-8 htdigest file)', () => {
  const get = (
    user: { username: string; password: string },
    usernameEncoding?: 'utf-8' | 'latin1' | 'rfc7616',
  ) =>
    createClient({
      baseUrl: apache.url,
      retry: 0,
      auth: digest({ ...user, ...(usernameEncoding === undefined ? {} : { usernameEncoding }) }),
    }).request('GET', '/protected/file.txt');

  test.each([ZOE, JASON])(
    'usernameEncoding utf-8: $username passes (Apache compares the raw bytes)',
    async (user) => {
      await newLogLines();
      const { status, data } = await get(user, 'utf-8');
      expect(status).toBe(200);
      expect(data).toBe(PROTECTED_TEXT);
      expect(await newLogLines()).not.toContain('auth_digest');
    },
  );

  test('latin1 bytes of zoë are another user to Apache: 401, and Apache logs it as unknown', async () => {
    await newLogLines();
    const error = await get(ZOE, 'latin1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    expect((error as SignetHttpError).status).toBe(401);
    expect(await newLogLines()).toMatch(/AH01790: user .* in realm .* not found/);
  });

  test('username* (RFC 7616, the generic default) is not read by Apache 2.4: 401', async () => {
    await newLogLines();
    const error = await get(JASON).catch((e: unknown) => e);
    expect((error as SignetHttpError).status).toBe(401);
    // Apache's parser has no username*: to it the header has no user at all.
    expect(await newLogLines()).toMatch(/AH01782: missing user, realm/);
  });
});
