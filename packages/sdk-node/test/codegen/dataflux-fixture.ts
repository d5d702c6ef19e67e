import type { DataFluxEmulatorOptions } from '@signet/sdk-testing';

/** The access key the fixture server accepts. */
export const DFF_KEY = { akId: 'ak-codegen', akSecret: 'codegen-secret-0123456789' };

/**
 * A DataFlux Func whose functions and APIs cover what the generator reads: parameters
 * with and without defaults of each JSON type, `*args` / `**kwargs`, a default that is
 * not JSON, a function without parameters, one the server knows nothing of, a hidden one,
 * a Sync API that fixes a kwarg and leaves one to the caller, an Async API, an API whose
 * function is gone. Each function answers with the kwargs it received.
 */
export function dataFluxFixture(): DataFluxEmulatorOptions {
  const echo = (kwargs: Record<string, unknown>) => ({ got: kwargs });
  return {
    accessKeys: [DFF_KEY],
    funcs: {
      'demo__main.hello': {
        handler: echo,
        title: 'Say hello',
        description: 'Greets whoever is named.\n\nThe greeting can be changed.',
        definition: "hello(name, greeting='Hi', times=1, loud=False, tags=None)",
        args: ['name', 'greeting', 'times', 'loud', 'tags'],
        kwargs: {
          name: {},
          greeting: { default: 'Hi' },
          times: { default: 1 },
          loud: { default: false },
          tags: { default: null },
        },
        category: 'action',
        tags: ['demo'],
      },
      'demo__main.flexible': {
        handler: echo,
        title: 'Anything goes',
        definition:
          "flexible(table, *rows, options={}, limits=[10], when='<Complex Object>', **extra)",
        args: ['table', '*rows', 'options', 'limits', 'when', '**extra'],
        kwargs: {
          table: {},
          '*rows': {},
          options: { default: {} },
          limits: { default: [10] },
          when: { default: '<Complex Object>' },
          '**extra': {},
        },
      },
      'demo__main.ping': { handler: () => 'pong', definition: 'ping()', args: [], kwargs: {} },
      'demo__main.legacy': { handler: echo },
      'demo__main.secret': { handler: echo, extraConfig: { isHidden: true } },
      'tools__net.lookup_host': {
        handler: echo,
        title: '查询主机',
        definition: 'lookup_host(host, port=80)',
        args: ['host', 'port'],
        kwargs: { host: {}, port: { default: 80 } },
      },
    },
    syncApis: {
      'api-hello': {
        func: 'demo__main.hello',
        showInDoc: true,
        funcCallKwargs: { name: 'INPUT_BY_CALLER', greeting: 'Welcome', source: 'api' },
        auth: {
          type: 'fixedField',
          fields: [{ location: 'header', name: 'x-token', value: 'tok' }],
        },
      },
      'api-gone': { func: 'demo__main.removed', showInDoc: true },
      'api-undocumented': { func: 'demo__main.ping' },
    },
    asyncApis: {
      'job-lookup': {
        func: 'tools__net.lookup_host',
        showInDoc: true,
        funcCallKwargs: { host: 'FROM_PARAMETER' },
      },
    },
  };
}
