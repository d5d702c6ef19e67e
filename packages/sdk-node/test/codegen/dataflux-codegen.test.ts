import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedField, generateFromDataFlux, SignetApiError } from '@signet/sdk-core';
import { createDataFluxEmulator, type ServedEmulator, serveEmulator } from '@signet/sdk-testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rewriteGolden, UPDATE_GOLDEN } from '../../../../test/golden.js';
import { runCli } from '../../src/cli/run.js';
import { createDataFluxClient } from '../../src/clients.js';
import type { SignetDataFlux } from './dataflux-client.gen.js';
import { DFF_KEY, dataFluxFixture } from './dataflux-fixture.js';

interface Esbuild {
  transformSync(code: string, options: { loader: 'ts' }): { code: string };
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as Esbuild;

// `signet gen --from-dataflux` end to end, against the kit's DataFlux emulator: the
// function list and API list as the server answers them → the typed module (checked in)
// → typed calls that the emulator accepts.

const HEADER = 'Source: packages/sdk-core/test/codegen/dataflux-fixture.ts';
const app = createDataFluxEmulator(dataFluxFixture());
let server: ServedEmulator;
beforeAll(async () => {
  server = await serveEmulator(app);
});
afterAll(() => server.close());

const client = () => createDataFluxClient({ baseUrl: server.url, ...DFF_KEY, env: false });
const GOLDEN = new URL('./dataflux-client.gen.ts', import.meta.url).pathname;

function expectGolden(generated: string): void {
  if (UPDATE_GOLDEN) rewriteGolden(GOLDEN, generated);
  const current = existsSync(GOLDEN) ? readFileSync(GOLDEN, 'utf8') : '(missing)';
  expect(current, `${GOLDEN} is out of date: run with SIGNET_UPDATE_GOLDEN=1`).toBe(generated);
}

describe('from the server’s lists', () => {
  test('listFuncs and listFuncApis read the func-list and func-api-list surfaces', async () => {
    const dff = client();
    const funcs = await dff.listFuncs();
    expect(funcs.map((f) => f.id)).toEqual([
      'demo__main.hello',
      'demo__main.flexible',
      'demo__main.ping',
      'demo__main.legacy',
      'tools__net.lookup_host',
    ]);
    expect(funcs[0]).toMatchObject({
      url: '/api/v1/func/demo__main.hello',
      title: 'Say hello',
      kwargsJSON: { name: {}, greeting: { default: 'Hi' } },
    });
    expect((await dff.listFuncs({ tags: ['demo'], search: 'hello' })).map((f) => f.id)).toEqual([
      'demo__main.hello',
    ]);
    const apis = await dff.listFuncApis();
    expect(apis.map((a) => [a.apiType, a.id])).toEqual([
      ['syncAPI', 'api-hello'],
      ['syncAPI', 'api-gone'],
      ['asyncAPI', 'job-lookup'],
    ]);
    expect((await dff.listFuncApis({ apiType: 'asyncAPI' })).map((a) => a.id)).toEqual([
      'job-lookup',
    ]);
    const { data, response } = await dff.listFuncs().withResponse();
    expect(data).toHaveLength(5);
    expect(response.status).toBe(200);
    expect(response.traceId).toMatch(/^TRACE-[0-9A-F]{32}$/);
    expect(response.headers.get('x-trace-id')).toBe(response.traceId);
    expect(response.attempts).toBe(1);
  });

  test('the generated module is the checked-in dataflux-client.gen.ts', async () => {
    const dff = client();
    const source = generateFromDataFlux(
      { funcs: await dff.listFuncs(), apis: await dff.listFuncApis() },
      { header: HEADER },
    );
    expectGolden(source);
    // Types only: nothing of it runs.
    expect(esbuild.transformSync(source, { loader: 'ts' }).code.trim()).toBe('');
    // The same lists in another order give the same bytes.
    const reversed = generateFromDataFlux(
      {
        funcs: [...(await dff.listFuncs())].reverse(),
        apis: [...(await dff.listFuncApis())].reverse(),
      },
      { header: HEADER },
    );
    expect(reversed).toBe(source);
  });
});

describe('typed calls the server accepts', () => {
  const typed = (auth?: ReturnType<typeof fixedField>) =>
    createDataFluxClient<SignetDataFlux>(
      auth === undefined
        ? { baseUrl: server.url, ...DFF_KEY, env: false }
        : { baseUrl: server.url, auth, env: false },
    );

  test('callFunc with the kwargs the generated types allow', async () => {
    const dff = typed();
    await expect(dff.callFunc('demo__main.hello', { name: 'Ann', times: 2 })).resolves.toEqual({
      got: { name: 'Ann', times: 2 },
    });
    await expect(dff.callFunc('demo__main.flexible', { table: 't', anything: 1 })).resolves.toEqual(
      { got: { table: 't', anything: 1 } },
    );
    await expect(dff.callFunc('demo__main.ping')).resolves.toBe('pong');
  });

  test('sync: a fixed kwarg is typed never because the server refuses it', async () => {
    const dff = typed(fixedField({ in: 'header', name: 'x-token', value: 'tok' }));
    await expect(dff.sync('api-hello', { name: 'Bo' })).resolves.toEqual({
      got: { name: 'Bo', greeting: 'Welcome', source: 'api' },
    });
    // What `greeting?: never` keeps from compiling, the server refuses at run time.
    const refused = await dff
      .sync('api-hello', { name: 'Bo', greeting: 'Yo' } as never)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignetApiError);
    expect((refused as SignetApiError).platformMessage).toBe('Cannot specify a fixed kwargs field');
  });

  test('async starts a task with the typed kwargs', async () => {
    const dff = typed();
    const { taskId } = await dff.async('job-lookup', { host: 'example.org' });
    expect(taskId).toMatch(/^task-/);
    await Promise.all(app.tasks.map((t) => t.done));
    expect(app.tasks.at(-1)).toMatchObject({
      apiId: 'job-lookup',
      kwargs: { host: 'example.org' },
    });
  });
});

describe('signet gen --from-dataflux', () => {
  function fakeIo(env: Record<string, string> = {}) {
    const out = { stdout: '', stderr: '' };
    const io = {
      stdout: (text: string) => {
        out.stdout += text;
      },
      stderr: (text: string) => {
        out.stderr += text;
      },
      readStdin: async () => '',
      stdinIsTTY: false,
      env,
    };
    return { io, out };
  }

  test('writes the module the API writes, signed with the AK/SK flags or variables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-gen-dataflux-'));
    try {
      const file = join(dir, 'dataflux.gen.ts');
      const { io, out } = fakeIo({ SIGNET_AK_SECRET: DFF_KEY.akSecret });
      const args = ['gen', '--from-dataflux', server.url, '--ak-id', DFF_KEY.akId, '--out', file];
      expect(await runCli(args, io)).toBe(0);
      expect(JSON.parse(out.stdout)).toEqual({ out: file, funcs: 5, syncApis: 2, asyncApis: 1 });
      const written = readFileSync(file, 'utf8');
      expect(written).toBe(
        readFileSync(GOLDEN, 'utf8').replace(
          /^\/\/ Source: .*$/m,
          `// Source: signet gen --from-dataflux ${server.url}`,
        ),
      );
      expect(out.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a wrong secret is the server’s refusal; other auth schemes are refused up front', async () => {
    const wrong = fakeIo();
    const args = ['gen', '--from-dataflux', server.url, '--ak-id', DFF_KEY.akId];
    expect(await runCli([...args, '--ak-secret', 'not-the-secret-0123'], wrong.io)).toBe(1);
    expect(wrong.out.stderr).toMatch(
      /^SignetApiError: DataFlux func-list failed: HTTP 401 EUserAuth/,
    );
    expect(wrong.out.stderr).not.toContain('not-the-secret-0123');
    const bearer = fakeIo();
    expect(
      await runCli(
        ['gen', '--from-dataflux', server.url, '--auth', 'bearer', '--token', 't'],
        bearer.io,
      ),
    ).toBe(2);
    expect(bearer.out.stderr).toContain('--from-dataflux signs in with an Access Key');
    const both = fakeIo();
    expect(await runCli(['gen', '--from-dataflux', server.url, '--from', 'x'], both.io)).toBe(2);
    expect(both.out.stderr).toContain(
      'give exactly one of --from DIR, --from-url URL and --from-dataflux URL',
    );
  });
});
