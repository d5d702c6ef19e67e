import { describe, expect, test } from 'vitest';
import { createDataFluxClient } from '../../src/dataflux/client.js';
import { SignetConfigError, SignetDecodeError } from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import type { Transport, TransportRequest } from '../../src/http/transport.js';
import { createJitaiClient } from '../../src/jitai/client.js';

// A 20 000-deep argument is refused before anything is sent, naming the limit and where
// it was crossed; a 20 000-deep answer is a decode error, never a stack overflow.

function nest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
const deepText = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

/** Records what it is handed; answers with `body` (JSON). */
function recording(body = '{}'): { transport: Transport; sent: TransportRequest[] } {
  const sent: TransportRequest[] = [];
  const transport: Transport = async (request) => {
    sent.push(request);
    const bytes = new TextEncoder().encode(body);
    return {
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: (async function* () {
        yield bytes;
      })(),
    };
  };
  return { transport, sent };
}

const baseUrl = 'http://127.0.0.1:9';
const jitai = (transport: Transport) =>
  createJitaiClient({ baseUrl, accessKey: 'ak01', accessSecret: 'secret-for-depth-1', transport });
const dataflux = (transport: Transport) =>
  createDataFluxClient({ baseUrl, akId: 'ak', akSecret: 'sk-depth', transport });
const generic = (transport: Transport) => createClient({ baseUrl, transport });

const calls: [string, (t: Transport, arg: unknown) => Promise<unknown>, string][] = [
  ['JitAi', (t, arg) => jitai(t).call('services.S.f', { arg }), 'args.arg'],
  ['DataFlux', (t, arg) => dataflux(t).callFunc('m.f', { arg }), 'body.kwargs.arg'],
  ['generic', (t, arg) => generic(t).request('POST', '/x', { json: { arg } }), 'body.arg'],
];

describe.each(calls)('%s client', (_name, call, root) => {
  test('a 20 000-deep argument: SignetConfigError naming the limit, nothing sent', async () => {
    const { transport, sent } = recording();
    const error = await call(transport, nest(20_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/ is nested deeper than 1000 levels \(MAX_JSON_DEPTH\)$/);
    expect(message.startsWith(`${root}.a.a`)).toBe(true);
    expect(sent).toHaveLength(0);
  });

  test('a 20 000-deep response: SignetDecodeError naming the limit', async () => {
    const { transport, sent } = recording(deepText(20_000));
    const error = await call(transport, 1).catch((e: unknown) => e);
    expect(sent).toHaveLength(1);
    expect(error).toBeInstanceOf(SignetDecodeError);
    expect((error as Error).message).toContain('nested deeper than 1000 levels (MAX_JSON_DEPTH)');
  });
});
