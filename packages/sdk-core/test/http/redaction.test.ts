// The findings of the adversarial review, one by one: a server that echoes what it
// received must not get a credential into any field of the error signet throws, nor into
// a call record. (The full sweep over every auth mode and output is
// packages/sdk-node/test/secret-scan.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { basic } from '../../src/auth/basic.js';
import { bearer } from '../../src/auth/bearer.js';
import { customAuth } from '../../src/auth/custom.js';
import { fixedField } from '../../src/auth/fixed-field.js';
import { createDataFluxClient } from '../../src/dataflux/client.js';
import { SignetApiError, SignetHttpError } from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import type { CallRecord } from '../../src/http/records.js';
import { json, startServer } from '../helpers/http-server.js';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const echo = { headers: req.headers, url: req.url, body: req.body };
    if (req.url.startsWith('/api/v1/func/')) {
      // DataFlux's failure envelope, echoing the request into message and detail.
      json(res, 401, {
        ok: false,
        error: 401.14,
        reason: 'EAPIAuth',
        message: JSON.stringify(echo),
        detail: echo,
      });
      return;
    }
    res.setHeader('x-echo', JSON.stringify(req.headers));
    json(res, 400, echo);
  });
});
afterAll(() => server.close());

/** Everything an error shows: message, stack, toString, JSON, every own field. */
function shown(error: unknown): string {
  const e = error as Error & Record<string, unknown>;
  const fields = Object.getOwnPropertyNames(e).map((k) => {
    const v = e[k];
    return v instanceof Headers ? JSON.stringify([...v]) : (JSON.stringify(v) ?? String(v));
  });
  return [e.message, e.stack, String(e), JSON.stringify(e), ...fields].join('\n');
}

describe('credentials echoed by a server', () => {
  test('a fixed field in .body, .detail, .platformMessage and JSON.stringify(err)', async () => {
    const value = 'fixed-token-6c5b4a39';
    const dff = createDataFluxClient({
      baseUrl: server.url,
      auth: fixedField({ in: 'header', name: 'x-auth-token', value }),
      retry: 0,
    });
    const error = await dff.callFunc('m.f', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetApiError);
    expect(JSON.stringify((error as SignetApiError).detail)).toContain('"x-auth-token":"***"');
    expect((error as SignetApiError).platformMessage).toContain('***');
    expect(shown(error)).not.toContain(value);
  });

  test('a Bearer token and base64(user:password) in .body and .headers', async () => {
    const token = 'bearer-token-2f1e0d9c';
    const error = await createClient({ baseUrl: server.url, auth: bearer(token), retry: 0 })
      .request('POST', '/x', { json: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    expect((error as SignetHttpError).headers.get('x-echo')).toContain('"authorization":"***"');
    expect(shown(error)).not.toContain(token);

    const basicError = await createClient({
      baseUrl: server.url,
      auth: basic({ username: 'user', password: 'pass-word-123' }),
      retry: 0,
    })
      .request('POST', '/x', { json: {} })
      .catch((e: unknown) => e);
    expect(shown(basicError)).not.toContain(btoa('user:pass-word-123'));
    expect(shown(basicError)).not.toContain('pass-word-123');
  });

  test("customAuth: its header in err.message/stack, its query field in every record's path", async () => {
    const header = 'custom-header-value-1b2c';
    const sig = 'custom-query-sig-3d4e';
    const bodyToken = 'custom-body-token-5f6a';
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: server.url,
      auth: customAuth(({ headers, query, body }) => {
        headers.set('X-Auth-Func', header);
        query.set('sig', sig);
        if (body && !Array.isArray(body)) body.authToken = bodyToken;
      }),
      retry: 0,
      onCall: (r) => records.push(r),
    });
    const error = await api.request('POST', '/ok', { json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    // The server did receive all three.
    const seen = server.seen.at(-1)!;
    expect([seen.headers['x-auth-func'], seen.url, seen.body].join()).toContain(bodyToken);
    expect(seen.url).toBe(`/ok?sig=${sig}`);
    for (const value of [header, sig, bodyToken]) expect(shown(error)).not.toContain(value);
    expect(records).toHaveLength(1);
    expect(records[0]!.path).toBe('/ok?sig=***');
    expect(JSON.stringify(records)).not.toContain(sig);
  });
});
