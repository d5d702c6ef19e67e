import { describe, expect, test } from 'vitest';
import { param } from '../../test/digest/driver.js';
import { SignetConfigError, SignetDecodeError, SignetSignatureError } from '../errors.js';
import { parseAuthParams } from './challenge.js';
import { computeDigestResponse, computeRspauth } from './compute.js';
import { DigestSession, type DigestSessionOptions } from './session.js';

const PASSWORD = 'hunter2-very-secret';
const GET = { method: 'GET', uri: '/dir/index.html' };
const make = (options: Partial<DigestSessionOptions> = {}) =>
  new DigestSession({ username: 'Mufasa', password: PASSWORD, ...options });
const challenge = (algorithm: string, extra = '') =>
  `Digest realm="r", nonce="n-${algorithm}", algorithm=${algorithm}, qop="auth"${extra}`;

describe('choosing a challenge', () => {
  test.each([
    [['MD5', 'SHA-256-sess', 'SHA-256'], 'SHA-256'],
    [['MD5-sess', 'SHA-512-256-sess', 'SHA-256'], 'SHA-512-256-sess'],
    [['md5', 'sha-256'], 'sha-256'],
    [['SHA-1', 'MD5'], 'MD5'],
  ])('from %j picks %s, echoing the server spelling', (algorithms, expected) => {
    const header = algorithms.map((a) => challenge(a)).join(', ');
    expect(param(make().respond(header, GET), 'algorithm')).toBe(expected);
  });

  test('preferredAlgorithms is an ordered allow-list', () => {
    const header = [challenge('SHA-256'), challenge('MD5')].join(', ');
    const md5First = make({ preferredAlgorithms: ['MD5', 'SHA-256'] });
    expect(param(md5First.respond(header, GET), 'algorithm')).toBe('MD5');
  });

  test('no algorithm parameter means MD5, and none is echoed', () => {
    const header = make().respond('Digest realm="r", nonce="n", qop="auth"', GET);
    expect(header).not.toContain('algorithm=');
    expect(param(header, 'response')).toMatch(/^[0-9a-f]{32}$/);
  });

  test('qop: auth by default, auth-int when it is all there is or when asked', () => {
    const both = 'Digest realm="r", nonce="n", qop="auth-int, auth"';
    expect(param(make().respond(both, GET), 'qop')).toBe('auth');
    expect(param(make({ qop: 'auth-int' }).respond(both, GET), 'qop')).toBe('auth-int');
    const only = 'Digest realm="r", nonce="n", qop="auth-int"';
    expect(param(make().respond(only, GET), 'qop')).toBe('auth-int');
  });

  test.each([
    ['Basic realm="r", Bearer', /no Digest challenge \(offered: basic, bearer\)/],
    ['Digest realm="r", nonce="n", algorithm=SHA-1', /algorithm=SHA-1 is not supported/],
    ['Digest realm="r", nonce="n", qop="auth-conf"', /qop="auth-conf" is not supported/],
    ['Digest realm="r", nonce="n", algorithm=MD5-sess', /MD5-sess without qop/],
    ['Digest realm="r", qop="auth"', /challenge without nonce/],
  ])('refuses %j with a SignetConfigError naming the offer', (header, message) => {
    const session = make();
    const error = catchError(() => session.respond(header, GET));
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/signet accepts algorithm|no Digest challenge/);
    expect(error.message).not.toContain(PASSWORD);
  });

  test('an unparsable header is a SignetDecodeError', () => {
    expect(() => make().respond('Digest realm="r', GET)).toThrow(SignetDecodeError);
  });
});

describe('nonce counting and cnonce', () => {
  test('nc counts per nonce; a new nonce starts again at 00000001', () => {
    const session = make();
    expect(session.preemptive(GET)).toBeUndefined();
    const first = session.respond(challenge('SHA-256'), GET);
    expect(param(first, 'nc')).toBe('00000001');
    expect(param(session.preemptive(GET), 'nc')).toBe('00000002');
    expect(param(session.preemptive(GET), 'nc')).toBe('00000003');
    // The same nonce challenged again (a request that raced a 401) keeps counting.
    expect(param(session.respond(challenge('SHA-256'), GET), 'nc')).toBe('00000004');
    const fresh = session.respond(challenge('SHA-256').replace('n-SHA-256', 'n2'), GET);
    expect(param(fresh, 'nc')).toBe('00000001');
  });

  test('nc is the count in 8 lower-case hex digits: the 10th use is 0000000a, the 16th 00000010', () => {
    const session = make();
    const sent = [param(session.respond(challenge('MD5'), GET), 'nc')];
    for (let i = 2; i <= 16; i++) sent.push(param(session.preemptive(GET), 'nc'));
    expect(sent[9]).toBe('0000000a');
    expect(sent[15]).toBe('00000010');
    expect(sent.every((nc) => /^[0-9a-f]{8}$/.test(nc ?? ''))).toBe(true);
  });

  test('a cnonce is 33 CSPRNG bytes as base64, new for every request', () => {
    const lengths: number[] = [];
    const session = make({
      random: (length) => {
        lengths.push(length);
        return new Uint8Array(length).fill(lengths.length);
      },
    });
    const a = param(session.respond(challenge('SHA-256'), GET), 'cnonce');
    const b = param(session.preemptive(GET), 'cnonce');
    expect(lengths).toEqual([33, 33]);
    expect(a).toBe(Buffer.alloc(33, 1).toString('base64'));
    expect(b).not.toBe(a);
    const real = param(make().respond(challenge('SHA-256'), GET), 'cnonce');
    expect(real).toMatch(/^[A-Za-z0-9+/]{44}$/);
  });

  test('-sess binds one cnonce to the nonce, as its session key needs', () => {
    const session = make();
    const a = param(session.respond(challenge('SHA-256-sess'), GET), 'cnonce');
    const b = param(session.preemptive(GET), 'cnonce');
    expect(b).toBe(a);
    const c = param(session.respond(challenge('SHA-256-sess').replace('n-', 'm-'), GET), 'cnonce');
    expect(c).not.toBe(a);
  });
});

describe('protection spaces', () => {
  test('DataFlux-style per-endpoint realms: each path keeps its own realm', () => {
    const session = make();
    const a = { method: 'POST', uri: '/api/v1/sync/a' };
    const b = { method: 'POST', uri: '/api/v1/sync/b' };
    session.respond('Digest realm="SyncAPI:a", nonce="na", qop="auth"', a);
    session.respond('Digest realm="SyncAPI:b", nonce="nb", qop="auth"', b);
    expect(param(session.preemptive(a), 'realm')).toBe('SyncAPI:a');
    expect(param(session.preemptive({ ...b, uri: `${b.uri}?x=1` }), 'realm')).toBe('SyncAPI:b');
    // A path never challenged goes to the most recent realm (no domain = whole origin).
    expect(param(session.preemptive({ method: 'GET', uri: '/other' }), 'realm')).toBe('SyncAPI:b');
  });

  test('domain: only listed prefixes (absolute URIs reduced to paths) get preemptive answers', () => {
    const session = make();
    session.respond(`${challenge('MD5')}, domain="/api/ http://host.example/files/"`, {
      method: 'GET',
      uri: '/api/x',
    });
    const api = session.preemptive({ method: 'GET', uri: '/api/y' });
    const files = session.preemptive({ method: 'GET', uri: '/files/z' });
    expect([param(api, 'uri'), param(api, 'nc')]).toEqual(['/api/y', '00000002']);
    expect([param(files, 'uri'), param(files, 'nc')]).toEqual(['/files/z', '00000003']);
    expect(param(files, 'nonce')).toBe(param(api, 'nonce'));
    expect(session.preemptive({ method: 'GET', uri: '/elsewhere' })).toBeUndefined();
  });

  test('a UTF-8 realm arriving as a Latin-1 byte string is hashed as the text it spells', () => {
    const wire = Buffer.from('Zürich', 'utf8').toString('latin1'); // what fetch hands over
    const session = make({ cnonce: () => 'c' });
    const header = session.respond(`Digest realm="${wire}", nonce="n", qop="auth"`, GET);
    expect(param(header, 'realm')).toBe(wire);
    expect(param(header, 'response')).toBe(
      computeDigestResponse({
        algorithm: 'MD5',
        username: 'Mufasa',
        password: PASSWORD,
        realm: 'Zürich',
        nonce: 'n',
        ...GET,
        qop: 'auth',
        nc: '00000001',
        cnonce: 'c',
      }),
    );
  });
});

describe('isStale', () => {
  test('reads stale=true from Digest challenges only, case-insensitively', () => {
    const session = make();
    expect(session.isStale(`${challenge('MD5')}, stale=TRUE`)).toBe(true);
    expect(session.isStale(['Basic realm="x"', `${challenge('MD5')}, stale="true"`])).toBe(true);
    expect(session.isStale(`${challenge('MD5')}, stale=false`)).toBe(false);
    expect(session.isStale('Newauth stale=true')).toBe(false);
  });
});

describe('verifyAuthenticationInfo', () => {
  function answered() {
    const session = make();
    const sent = session.respond(challenge('SHA-256'), GET);
    const fields = {
      algorithm: 'SHA-256' as const,
      username: 'Mufasa',
      password: PASSWORD,
      realm: 'r',
      nonce: 'n-SHA-256',
      uri: GET.uri,
      qop: 'auth' as const,
      nc: param(sent, 'nc') ?? '',
      cnonce: param(sent, 'cnonce') ?? '',
    };
    const info = `rspauth="${computeRspauth(fields)}", qop=auth, nc=${fields.nc}, cnonce="${fields.cnonce}"`;
    return { session, info, fields };
  }

  test('a right rspauth verifies once; the same header again is refused', () => {
    const { session, info } = answered();
    expect(session.verifyAuthenticationInfo(info, GET)).toBe(true);
    expect(() => session.verifyAuthenticationInfo(info, GET)).toThrow(SignetSignatureError);
  });

  test('a wrong rspauth, or one for another uri, is a SignetSignatureError', () => {
    const { session, info } = answered();
    const wrong = info.replace(/rspauth="[0-9a-f]/, (m) =>
      m.endsWith('0') ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`,
    );
    expect(() => session.verifyAuthenticationInfo(wrong, GET)).toThrow(/rspauth .* is wrong/);
    expect(() => session.verifyAuthenticationInfo(info, { ...GET, uri: '/other' })).toThrow(
      /does not answer a request this session sent/,
    );
    try {
      session.verifyAuthenticationInfo(wrong, GET);
    } catch (error) {
      expect((error as SignetSignatureError).problem).toBe('bad-signature');
      expect(String(error)).not.toContain(PASSWORD);
    }
  });

  test('nextnonce is adopted after a good rspauth, and not after a bad one', () => {
    const bad = answered();
    const forged = bad.info.replace(/rspauth="[0-9a-f]+"/, `rspauth="${'0'.repeat(64)}"`);
    expect(() =>
      bad.session.verifyAuthenticationInfo(`${forged}, nextnonce="evil"`, GET),
    ).toThrow();
    expect(param(bad.session.preemptive(GET), 'nonce')).toBe('n-SHA-256');

    const good = answered();
    expect(good.session.verifyAuthenticationInfo(`${good.info}, nextnonce="next"`, GET)).toBe(true);
    const next = good.session.preemptive(GET);
    expect(param(next, 'nonce')).toBe('next');
    expect(param(next, 'nc')).toBe('00000001');
  });

  test('without rspauth there is nothing to verify: false, but nextnonce is taken', () => {
    const { session } = answered();
    expect(session.verifyAuthenticationInfo('nextnonce="plain"', GET)).toBe(false);
    expect(param(session.preemptive(GET), 'nonce')).toBe('plain');
  });

  test('rspauth under auth-int covers the response body', () => {
    const session = make({ qop: 'auth-int' });
    const request = { method: 'POST', uri: '/x', body: 'in' };
    const sent = session.respond('Digest realm="r", nonce="n", qop="auth-int"', request);
    const fields = {
      algorithm: 'MD5' as const,
      username: 'Mufasa',
      password: PASSWORD,
      realm: 'r',
      nonce: 'n',
      uri: '/x',
      qop: 'auth-int' as const,
      nc: '00000001',
      cnonce: param(sent, 'cnonce') ?? '',
    };
    const info = `rspauth="${computeRspauth({ ...fields, responseBody: 'out' })}", qop=auth-int, nc=00000001, cnonce="${fields.cnonce}"`;
    expect(parseAuthParams(info).qop).toBe('auth-int');
    expect(() =>
      session.verifyAuthenticationInfo(info, { ...request, responseBody: 'tampered' }),
    ).toThrow(SignetSignatureError);
  });
});

describe('options and requests', () => {
  test.each([
    [{ preferredAlgorithms: [] }, /preferredAlgorithms/],
    [{ preferredAlgorithms: ['SHA-1'] as never }, /preferredAlgorithms/],
    [{ qop: 'auth-conf' as never }, /qop must be/],
    [{ password: undefined as never }, /password must be a string/],
  ])('refuses %j', (options, message) => {
    expect(() => make(options)).toThrow(SignetConfigError);
    expect(() => make(options)).toThrow(message);
  });

  test.each([
    [{ method: 'GET', uri: '/a b' }],
    [{ method: 'GET', uri: '' }],
    [{ method: 'G ET', uri: '/' }],
    [{ method: 'GET', uri: '/\u00e9' }],
  ])('refuses request %j', (request) => {
    expect(() => make().respond(challenge('MD5'), request)).toThrow(SignetConfigError);
  });

  test('the password never appears in any error', () => {
    const session = make();
    const attempts = [
      () => session.respond('Digest realm="r", nonce="n", algorithm=SHA-1', GET),
      () => session.respond(`Digest realm="${PASSWORD}`, GET),
      () => session.respond(challenge('MD5'), { method: 'GET', uri: PASSWORD.replace('-', ' ') }),
      () => session.verifyAuthenticationInfo(`rspauth="00", nc=00000001, cnonce="x"`, GET),
    ];
    for (const attempt of attempts) {
      const error = catchError(attempt);
      expect(`${error.message} ${JSON.stringify({ ...error })}`).not.toContain(PASSWORD);
    }
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('user name encodings', () => {
  const www = 'Digest realm="r", nonce="n", qop="auth"';
  const expectedResponse = (username: string, header: string) =>
    computeDigestResponse({
      algorithm: 'MD5',
      username,
      password: PASSWORD,
      realm: 'r',
      nonce: 'n',
      method: 'GET',
      uri: GET.uri,
      qop: 'auth',
      nc: '00000001',
      cnonce: param(header, 'cnonce') ?? '',
    });

  test.each([
    ['rfc7616', `username*=UTF-8''zo%C3%AB,`],
    ['utf-8', 'username="zo\u00c3\u00ab",'],
    ['latin1', 'username="zo\u00eb",'],
  ] as const)(
    '%s: how "zoë" goes in the header; the hash is over UTF-8 in every case',
    (usernameEncoding, form) => {
      const header = make({ username: 'zoë', usernameEncoding }).respond(www, GET);
      expect(header).toContain(form);
      expect(param(header, 'response')).toBe(expectedResponse('zoë', header));
    },
  );

  test('an ASCII name is the same quoted string in every encoding', () => {
    for (const usernameEncoding of ['rfc7616', 'utf-8', 'latin1'] as const) {
      const header = make({ username: 'Mu"fasa', usernameEncoding }).respond(www, GET);
      expect(header).toMatch(/^Digest username="Mu\\"fasa", realm="r"/);
    }
  });

  test('latin1 refuses a name beyond U+00FF up front, naming the character, not the password', () => {
    const error = catchError(() => make({ username: 'Łukasz', usernameEncoding: 'latin1' }));
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error.message).toBe(
      `digest: the user name holds "Ł" (U+0141), beyond Latin-1: usernameEncoding 'latin1' cannot carry it; use 'utf-8' or 'rfc7616' for a server that reads those`,
    );
    expect(() => make({ usernameEncoding: 'latin-1' as never })).toThrow(
      /usernameEncoding must be 'rfc7616', 'utf-8' or 'latin1'/,
    );
    expect(() => make({ username: 'a\r\nb', usernameEncoding: 'utf-8' }).respond(www, GET)).toThrow(
      'digest: username contains a character a header cannot carry',
    );
  });
});
