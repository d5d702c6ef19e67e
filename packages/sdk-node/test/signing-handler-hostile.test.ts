// The signing handler faces the browser: whatever a page (or anyone who can reach it)
// posts, it answers with a signature, a verdict or a 4xx refusal. A 500 would mean an
// input it did not expect; a secret or a signature for a refused api must never leak.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzParams } from '../../../test/reliability/fuzz-knob.js';
import { createSigningHandler } from '../src/signing-handler.js';

const SECRET = 'handler-secret-5b0e27c94a1d';
const handler = createSigningHandler({
  accessKey: 'ak_web',
  accessSecret: SECRET,
  allow: ['services.OrderSvc.query'],
  basePath: '/api/org/app',
  dangerouslySignForAnyone: true,
});

const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const path = fc.oneof(
  fc.constantFrom(
    '/api/org/app/services/OrderSvc/query',
    '/api/org/app/services/AdminSvc/drop',
    '/api/org/app/services/OrderSvc/query/../../AdminSvc/drop',
    '/api/org/app/services/OrderSvc/query?x=1',
    '/services/OrderSvc/query',
    '',
  ),
  fc.string({ maxLength: 40 }),
);
const bodyText = fc.oneof(
  fc.json().map((j) => j),
  fc.constantFrom('{"orderId":"1"}', '{"orderId":"1","ORDERID":"2"}', '{"a":1e999}', '{', ''),
  fc.string({ maxLength: 40 }),
);
const payload = fc.record(
  {
    op: fc.oneof(fc.constantFrom('sign', 'verify', 'SIGN', ''), anyValue),
    profile: fc.oneof(fc.constant('jitai'), anyValue),
    api: fc.oneof(fc.constantFrom('services.OrderSvc.query', 'services.AdminSvc.drop'), anyValue),
    method: fc.oneof(fc.constantFrom('POST', 'GET'), anyValue),
    path: fc.oneof(path, anyValue),
    bodyText: fc.oneof(bodyText, anyValue),
    dataText: fc.oneof(
      fc.constantFrom(
        '{"data":1,"timestamp":1,"accessSign":"x"}',
        '{"data":{"a":1.0},"timestamp":1764647507632,"accessSign":"00"}',
      ),
      bodyText,
      anyValue,
    ),
  },
  { requiredKeys: [] },
);
/** Well-formed sign requests with hostile bodyTexts, so the signing path is exercised. */
const signPayload = fc.record({
  op: fc.constant('sign'),
  profile: fc.constant('jitai'),
  api: fc.constantFrom('services.OrderSvc.query', 'services.AdminSvc.drop'),
  method: fc.constant('POST'),
  path: fc.constantFrom(
    '/api/org/app/services/OrderSvc/query',
    '/api/org/app/services/AdminSvc/drop',
  ),
  bodyText,
});
const request = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
  ),
  body: fc.oneof(
    payload.map((p) => JSON.stringify(p)),
    signPayload.map((p) => JSON.stringify(p)),
    signPayload.map((p) => JSON.stringify(p)),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('', '[]', 'null', '"sign"', '{"op":"sign"'),
  ),
});

describe('createSigningHandler on hostile requests', () => {
  test('answers 200 or a 4xx JSON refusal; signs only the allowed api; never shows the secret', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const init: RequestInit = { method: r.method };
        if (r.method !== 'GET') init.body = r.body;
        if (r.contentType) init.headers = { 'content-type': r.contentType };
        const response = await handler(new Request('http://127.0.0.1/sign', init));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = await response.text();
        expect(text).not.toContain(SECRET);
        expect([200, 400, 403, 405, 413, 415]).toContain(response.status);
        const answer = JSON.parse(text) as { headers?: Record<string, string> };
        if (response.status === 200 && answer.headers) {
          const sent = JSON.parse(r.body) as { api?: unknown };
          expect(sent.api).toBe('services.OrderSvc.query');
        }
      }),
      fuzzParams(600),
    );
    // The generator reaches the signing path and the refusals, not only one of them.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  });
});
