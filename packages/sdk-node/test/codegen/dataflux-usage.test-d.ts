/**
 * Type tests of the generated DataFlux module (`dataflux-client.gen.ts`, generated from
 * the kit emulator's lists by `dataflux-codegen.test.ts`): right calls compile; unknown ids,
 * missing or misspelt kwargs, wrong default types and kwargs an API fixes do not.
 * `pnpm typecheck` checks this file; `dataflux-typecheck.slow.test.ts` proves that every
 * `@ts-expect-error` below marks a real error. Nothing here runs.
 */
import type { WithResponse } from '@signet/sdk-core';
import { expectTypeOf } from 'vitest';
import { createDataFluxClient } from '../../src/clients.js';
import type { DemoMainHelloKwargs, SignetDataFlux } from './dataflux-client.gen.js';

const dff = createDataFluxClient<SignetDataFlux>({
  baseUrl: 'http://127.0.0.1:8088',
  env: false,
});

// Functions: ids and kwargs from the function list.
dff.callFunc('demo__main.hello', { name: 'Ann' });
dff.callFunc('demo__main.hello', { name: 'Ann', greeting: 'Yo', times: 2, loud: true, tags: [1] });
dff.callFunc('demo__main.ping');
dff.callFunc('demo__main.flexible', { table: 't', anything: 'goes', limits: [1] });
dff.callFunc('demo__main.legacy', { whatever: 1 });
dff.callFunc('tools__net.lookup_host', { host: 'h' }, { timeout: 5_000, idempotent: true });
expectTypeOf(dff.callFunc('demo__main.hello', { name: 'x' })).resolves.toBeUnknown();
expectTypeOf(dff.callFunc('demo__main.hello', { name: 'x' }).withResponse()).resolves.toEqualTypeOf<
  WithResponse<unknown>
>();
expectTypeOf<DemoMainHelloKwargs['greeting']>().toEqualTypeOf<string | undefined>();
// @ts-expect-error -- no such function
dff.callFunc('demo__main.nope', {});
// @ts-expect-error -- a hidden function is not listed, so not typed
dff.callFunc('demo__main.secret', {});
// @ts-expect-error -- `name` has no default: it is required
dff.callFunc('demo__main.hello', { greeting: 'Yo' });
// @ts-expect-error -- and so are the kwargs
dff.callFunc('demo__main.hello');
// @ts-expect-error -- a misspelt kwarg
dff.callFunc('demo__main.hello', { name: 'Ann', greting: 'Yo' });
// @ts-expect-error -- the default `1` makes `times` a number
dff.callFunc('demo__main.hello', { name: 'Ann', times: 'twice' });
// @ts-expect-error -- a function without parameters takes no kwargs
dff.callFunc('demo__main.ping', { extra: 1 });

// Sync APIs: the kwargs the API fixes cannot be sent.
dff.sync('api-hello', { name: 'Bo', times: 3 });
dff.sync('api-hello', { name: 'Bo' }, { format: 'simplified', method: 'GET' });
dff.sync('api-gone', { anything: 1 });
// @ts-expect-error -- `greeting` is fixed by the API ("Welcome")
dff.sync('api-hello', { name: 'Bo', greeting: 'Yo' });
// @ts-expect-error -- so is `source`, a kwarg the function does not name
dff.sync('api-hello', { name: 'Bo', source: 'me' });
// @ts-expect-error -- an API not shown in the docs is not typed
dff.sync('api-undocumented', {});

// Async APIs: a placeholder (FROM_PARAMETER) without a default is the caller's, required.
expectTypeOf(dff.async('job-lookup', { host: 'h' })).resolves.toEqualTypeOf<{ taskId: string }>();
// @ts-expect-error -- `host` is required
dff.async('job-lookup', { port: 1 });
// @ts-expect-error -- an Async API id is not a Sync API id
dff.sync('job-lookup', { host: 'h' });

// An untyped client keeps today's signatures.
const untyped = createDataFluxClient({ baseUrl: 'http://127.0.0.1:8088', env: false });
untyped.callFunc('any.func', { any: 1 });
expectTypeOf(untyped.callFunc<{ n: number }>('any.func')).resolves.toEqualTypeOf<{ n: number }>();
untyped.sync('any-api', {}, { format: 'normal' });
