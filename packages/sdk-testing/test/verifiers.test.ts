import {
  dataFluxHeaders,
  dataFluxSign,
  jitaiSign,
  LosslessNumber,
  parseLossless,
} from '@signet/sdk-core';
import { describe, expect, it } from 'vitest';
import {
  type DataFluxVector,
  jitaiRequestVectors,
  readVectors,
} from '../../../test/vectors/load.js';
import {
  createNonceStore,
  DATAFLUX_SIGN_ERROR_MESSAGE,
  pythonJsonText,
  verifyDataFluxRequest,
  verifyJitaiRequest,
} from '../src';

describe('verifyJitaiRequest', () => {
  // The shared cases and signet's own masking cases (a secret holding `&`/`=`, an arg value
  // holding `&secret=`): the kit's debug answer masks per part, as the server does.
  const vectors = jitaiRequestVectors();

  it.each(vectors.map((v) => [v.name, v] as const))(
    'accepts the vector request %s as the server would',
    (_name, v) => {
      const headers = { accesskey: 'k', timestamp: String(v.timestamp), accesssign: v.accessSign };
      const verdict = verifyJitaiRequest({
        headers,
        bodyText: v.argsJson,
        secret: v.secret,
        now: v.timestamp,
      });
      expect(verdict).toMatchObject({ ok: true, paramStrMasked: v.paramStrMasked });
      const tampered = verifyJitaiRequest({
        headers,
        bodyText: v.argsJson,
        secret: `${v.secret}x`,
        now: v.timestamp,
      });
      expect(tampered).toMatchObject({ ok: false, errcode: 20005, problem: 'bad-signature' });
    },
  );

  it('reports each problem with its errcode and the masked paramStr', () => {
    const now = 1_700_000_000_000;
    const bodyText = '{"orderId": "1", "big": 12345678901234567890}';
    const sign = jitaiSign(parseLossless(bodyText) as never, { timestamp: now, secret: 's' });
    const headers = new Headers({ timestamp: String(now), accessSign: sign });
    const ok = verifyJitaiRequest({ headers, bodyText, secret: 's', now });
    expect(ok).toMatchObject({
      ok: true,
      args: { orderId: '1', big: 12345678901234567890n },
      debug: false,
    });
    expect(verifyJitaiRequest({ headers, bodyText: '[1]', secret: 's', now })).toMatchObject({
      ok: false,
      errcode: 40000,
      problem: 'bad-body',
    });
    expect(verifyJitaiRequest({ headers: {}, bodyText, secret: 's', now })).toMatchObject({
      problem: 'missing-headers',
    });
    expect(
      verifyJitaiRequest({
        headers: { timestamp: 'soon', accessSign: sign },
        bodyText,
        secret: 's',
        now,
      }),
    ).toMatchObject({ problem: 'bad-timestamp' });
    const expired = verifyJitaiRequest({
      headers,
      bodyText,
      secret: 's',
      now: now + 60_000,
      windowMs: 59_999,
    });
    expect(expired).toMatchObject({
      ok: false,
      problem: 'expired',
      errmsg: 'Authentication failed: timestamp expired',
    });
    expect(expired.paramStrMasked).toBe(
      `big=12345678901234567890&orderid=1&secret=*********************&timestamp=${now}`,
    );
    const debug = verifyJitaiRequest({
      headers: { ...Object.fromEntries(headers), debug: '1' },
      bodyText,
      secret: 's',
      now,
    });
    expect(debug).toMatchObject({ ok: false, problem: 'bad-signature', debug: true });
  });
});

describe('verifyDataFluxRequest on the shared vectors', () => {
  const vectors = readVectors<DataFluxVector>('dataflux/requests.json').cases;
  /**
   * The request a server receives for a vector from the official SDK, which sends
   * `Content-Type: application/json` on every request (GET included): that is what makes
   * a missing body hash as `{}`.
   */
  const received = (v: DataFluxVector, sign = v.sign, contentType = 'application/json') => ({
    method: v.method.toUpperCase(),
    url: v.pathWithQuery,
    headers: {
      'x-dff-ak-id': 'ak-vector',
      'x-dff-ak-timestamp': v.timestamp,
      'x-dff-ak-nonce': v.nonce,
      'x-dff-ak-sign': sign,
      ...(contentType === '' ? {} : { 'content-type': contentType }),
    },
    ...(v.body === null ? {} : { bodyText: JSON.stringify(v.body) }),
    accessKeys: [{ akId: 'ak-vector', akSecret: v.akSecret }],
    now: Number(v.timestamp) * 1000,
  });

  it('has the 40 cases', () => {
    expect(vectors).toHaveLength(40);
  });

  it.each(vectors.map((v) => [v.name, v] as const))(
    'accepts %s as the server would, and refuses it with another sign',
    (_name, v) => {
      const verdict = verifyDataFluxRequest(received(v));
      expect(verdict).toEqual({
        ok: true,
        akId: 'ak-vector',
        body: v.body === null ? {} : v.body,
      });
      const other = `${v.sign.slice(0, -1)}${v.sign.endsWith('0') ? '1' : '0'}`;
      expect(verifyDataFluxRequest(received(v, other))).toMatchObject({
        ok: false,
        status: 401,
        error: 401.14,
        message: DATAFLUX_SIGN_ERROR_MESSAGE,
      });
    },
  );

  it('a POST without body or content type hashes the empty buffer, not {} (PROTOCOLS §2)', () => {
    const timestamp = '1700000000';
    const signed = dataFluxSign({
      method: 'POST',
      pathWithQuery: '/api/v1/func/f',
      timestamp,
      nonce: 'n-empty',
      body: null,
      akSecret: 'sk',
    });
    const request = (contentType: Record<string, string>) => ({
      method: 'POST',
      url: '/api/v1/func/f',
      headers: {
        ...dataFluxHeaders({ akId: 'ak', timestamp, nonce: 'n-empty', sign: signed.sign }),
        ...contentType,
      },
      accessKeys: [{ akId: 'ak', akSecret: 'sk' }],
      now: Number(timestamp) * 1000,
    });
    expect(verifyDataFluxRequest(request({}))).toMatchObject({
      ok: false,
      message: DATAFLUX_SIGN_ERROR_MESSAGE,
    });
    expect(verifyDataFluxRequest(request({ 'content-type': 'application/json' }))).toMatchObject({
      ok: true,
    });
  });

  it('a GET without a body has nothing to parse: {} is signed, whatever the content type', () => {
    const gets = vectors.filter((v) => v.body === null && v.method.toUpperCase() === 'GET');
    expect(gets.length).toBeGreaterThan(3);
    for (const v of gets) {
      expect(verifyDataFluxRequest(received(v, v.sign, '')), v.name).toMatchObject({ ok: true });
    }
  });
});

describe('verifyDataFluxRequest and createNonceStore', () => {
  const keys = [{ akId: 'ak', akSecret: 'sk' }];
  const now = 1_700_000_000_000;
  const signed = (nonce: string, body: unknown = { kwargs: {} }) => {
    const timestamp = String(now / 1000);
    const { sign } = dataFluxSign({
      method: 'POST',
      pathWithQuery: '/x?a=1',
      timestamp,
      nonce,
      body,
      akSecret: 'sk',
    });
    const headers: Record<string, string> = {
      ...dataFluxHeaders({ akId: 'ak', timestamp, nonce, sign }),
      'content-type': 'application/json',
    };
    return {
      method: 'POST',
      url: '/x?a=1',
      headers,
      bodyText: JSON.stringify(body),
      accessKeys: keys,
      now,
    };
  };

  it('accepts a signed request from node-style headers and returns the parsed body', () => {
    expect(verifyDataFluxRequest(signed('n1', { kwargs: { a: 1 } }))).toEqual({
      ok: true,
      akId: 'ak',
      body: { kwargs: { a: 1 } },
    });
  });

  it('with a nonce store: a nonce passes once, again after the TTL', () => {
    const nonceStore = createNonceStore(1000);
    expect(verifyDataFluxRequest({ ...signed('n2'), nonceStore }).ok).toBe(true);
    expect(verifyDataFluxRequest({ ...signed('n2'), nonceStore })).toMatchObject({
      ok: false,
      status: 401,
      error: 401.14,
      reason: 'EUserAuth',
      message: 'Invalid Access Key nonce',
    });
    expect(nonceStore.size).toBe(1);
    expect(verifyDataFluxRequest({ ...signed('n2'), nonceStore, now: now + 1000 }).ok).toBe(true);
  });

  it('does not burn a nonce on a request that fails its signature', () => {
    const nonceStore = createNonceStore();
    const forged = signed('n3');
    forged.headers['X-Dff-Ak-Sign'] = '0'.repeat(40);
    expect(verifyDataFluxRequest({ ...forged, nonceStore })).toMatchObject({
      message: expect.stringMatching(/^Invalid Access Key sign\. Hint: akSign = HmacSha1\(/),
    });
    expect(verifyDataFluxRequest({ ...signed('n3'), nonceStore }).ok).toBe(true);
  });

  it('answers an unknown key with 404 No such data and a bad JSON body with 400', () => {
    const request = signed('n4');
    expect(verifyDataFluxRequest({ ...request, accessKeys: [] })).toMatchObject({
      status: 404,
      error: 404.41,
      message: 'No such data',
    });
    expect(verifyDataFluxRequest({ ...request, bodyText: '{"kwargs":' })).toMatchObject({
      status: 400,
      error: 400.43,
    });
  });
});

describe('pythonJsonText', () => {
  it('writes Python’s default json.dumps: insertion order, ", " and ": ", Python numbers', () => {
    const tree = parseLossless(
      '{"b": 1.0, "a": [1e-05, 12345678901234567890, -0.0, "é\\n"], "c": {}}',
    );
    expect(pythonJsonText(tree)).toBe(
      '{"b": 1.0, "a": [1e-05, 12345678901234567890, -0.0, "é\\n"], "c": {}}',
    );
    expect(pythonJsonText({ x: 1e21, y: 0.1, z: 5n, w: new LosslessNumber('1E+2'), v: [] })).toBe(
      '{"x": 1e+21, "y": 0.1, "z": 5, "w": 100.0, "v": []}',
    );
    expect(pythonJsonText({ s: 'é😀\u007f' }, { ensureAscii: true })).toBe(
      '{"s": "\\u00e9\\ud83d\\ude00\\u007f"}',
    );
  });

  it('refuses what Python could not serialize, with Python’s wording', () => {
    expect(() => pythonJsonText({ m: new Map() })).toThrow(
      'Object of type Map is not JSON serializable',
    );
    expect(() => pythonJsonText({ u: undefined })).toThrow(TypeError);
  });
});
