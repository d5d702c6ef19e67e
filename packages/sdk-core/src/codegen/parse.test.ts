import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { APP, BAD, readBad } from '../../test/codegen/fixture-app.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { parseServiceDefinition, servicesFromAuthDetails } from './parse.js';

const orderSvc = () => readFileSync(`${APP}services/OrderSvc/e.json`, 'utf8');

/** The SignetConfigError a call throws (fails the test when it throws nothing else). */
function configError(run: () => unknown): SignetConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SignetConfigError);
    return error as SignetConfigError;
  }
  throw new Error('expected a SignetConfigError');
}

describe('parseServiceDefinition', () => {
  test('reads a real e.json: title, functions, args; ignores the fields it does not use', () => {
    const service = parseServiceDefinition(orderSvc(), 'app/services/OrderSvc/e.json');
    expect(service.fullName).toBe('services.OrderSvc');
    expect(service.title).toBe('Order Service');
    expect(service.source).toBe('app/services/OrderSvc/e.json');
    expect(service.functionList.map((fn) => fn.name)).toEqual(['query', 'create', 'list']);
    expect(service.functionList[0]).toEqual({
      name: 'query',
      title: 'Order Query',
      desc: 'Query order status',
      args: [{ name: 'orderId', title: 'Order ID', dataType: 'Stext' }],
      returnType: 'JitDict',
    });
    expect(JSON.stringify(service)).not.toContain('argsToDatatype');
    expect(JSON.stringify(service)).not.toContain('onOrderCreated');
  });

  test('the seed e.json (bearer interceptor guide) keeps ignoreSign and loginRequired', () => {
    const seed = `{"title":"Order Service","type":"services.NormalType","backendBundleEntry":".",
      "functionList":[{"name":"query","title":"Order Query","args":[{"title":"Order ID",
      "name":"orderId","dataType":"Stext"}],"returnType":"JitDict","argsToDatatype":true,
      "desc":"Query order status","ignoreSign":true,"loginRequired":false}]}`;
    const [fn] = parseServiceDefinition(seed, 'services/OrderSvc/e.json').functionList;
    expect(fn).toMatchObject({ ignoreSign: true, loginRequired: false });
  });

  test('flags written as 1/0 are read as booleans', () => {
    const text = '{"functionList":[{"name":"q","args":[],"ignoreSign":1,"loginRequired":0}]}';
    const [fn] = parseServiceDefinition(text, 'services/S/e.json').functionList;
    expect(fn).toEqual({ name: 'q', args: [], ignoreSign: true, loginRequired: false });
  });

  test('null and missing optional fields are left out; args default to none', () => {
    const text =
      '{"title":null,"functionList":[{"name":"q","title":null,"desc":null,"returnType":"","args":[{"name":"a","dataType":"Stext","title":null,"variableConfig":null}]},{"name":"r"}]}';
    const service = parseServiceDefinition(text, 'services/S/e.json');
    expect(service).toEqual({
      fullName: 'services.S',
      source: 'services/S/e.json',
      functionList: [
        { name: 'q', args: [{ name: 'a', dataType: 'Stext' }] },
        { name: 'r', args: [] },
      ],
    });
  });

  test('variableConfig and generic are kept for list typing', () => {
    const text =
      '{"functionList":[{"name":"q","args":[{"name":"a","dataType":"JitList","variableConfig":{"dataType":"Stext"}},{"name":"b","dataType":"JitList","generic":"Numeric"}]}]}';
    const [fn] = parseServiceDefinition(text, 'services/S/e.json').functionList;
    expect(fn!.args).toEqual([
      { name: 'a', dataType: 'JitList', variableConfig: { dataType: 'Stext' } },
      { name: 'b', dataType: 'JitList', generic: 'Numeric' },
    ]);
  });

  test('the full name comes from the folder, with / or \\ separators, or is given', () => {
    const text = orderSvc();
    expect(parseServiceDefinition(text, 'C:\\app\\services\\OrderSvc\\e.json').fullName).toBe(
      'services.OrderSvc',
    );
    expect(parseServiceDefinition(text, 'OrderSvc/e.json').fullName).toBe('services.OrderSvc');
    expect(parseServiceDefinition(text, 'x.json', 'services.Renamed').fullName).toBe(
      'services.Renamed',
    );
    const error = configError(() => parseServiceDefinition(text, 'order.json'));
    expect(error.message).toMatch(/^order\.json: cannot tell the service's full name/);
    expect(configError(() => parseServiceDefinition(text, 'e.json')).message).toContain('e.json');
  });

  test('a UTF-8 byte-order mark is accepted', () => {
    const service = parseServiceDefinition(`\uFEFF${orderSvc()}`, 'services/OrderSvc/e.json');
    expect(service.functionList).toHaveLength(3);
  });
});

describe('parseServiceDefinition refuses malformed definitions, naming the file', () => {
  test('bad JSON: file, line and column of the problem', () => {
    const text = readFileSync(`${BAD}MalformedSvc/e.json.txt`, 'utf8');
    const error = configError(() => parseServiceDefinition(text, 'services/MalformedSvc/e.json'));
    expect(error.message).toMatch(
      /^services\/MalformedSvc\/e\.json: invalid JSON: .*line 5, column 3/,
    );
    // The lossless parser's own error, with where it stopped.
    expect(error.cause).toBeInstanceOf(SignetDecodeError);
    expect((error.cause as SignetDecodeError).position).toBeTypeOf('number');
  });

  test('bad JSON after a byte-order mark reports the same line and column', () => {
    const error = configError(() =>
      parseServiceDefinition('\uFEFF{\n  "a": }', 'services/S/e.json'),
    );
    expect(error.message).toContain('line 2, column 8');
  });

  test('truncated JSON', () => {
    const error = configError(() => parseServiceDefinition('{\n"functionList": [', 's/S/e.json'));
    expect(error.message).toMatch(/^s\/S\/e\.json: invalid JSON: Unexpected end.*line 2/);
  });

  test.each([
    [
      'MissingFunctionListSvc',
      'no functionList (a service definition lists its functions in "functionList")',
    ],
    [
      'MissingDataTypeSvc',
      'functionList[0] (query): args[1] (page): no dataType (every argument needs a JitAi data type)',
    ],
    ['ArgWithoutNameSvc', 'functionList[0] (query): args[0]: name must be a non-empty string'],
  ])('%s: %s', (name, problem) => {
    const source = `services/${name}/e.json`;
    const error = configError(() => parseServiceDefinition(readBad(name), source));
    expect(error.message).toBe(`${source}: ${problem}`);
  });

  test.each([
    ['[]', 'expected a JSON object'],
    ['"text"', 'expected a JSON object'],
    ['{"functionList":{}}', 'functionList must be a list'],
    ['{"functionList":[3]}', 'functionList[0]: expected an object'],
    ['{"functionList":[{"name":""}]}', 'functionList[0]: name must be a non-empty string'],
    ['{"functionList":[{"name":"q","args":{}}]}', 'functionList[0] (q): args must be a list'],
    ['{"functionList":[{"name":"q","args":["a"]}]}', 'args[0]: expected an object'],
    [
      '{"functionList":[{"name":"q","args":[{"name":"a","dataType":5}]}]}',
      'dataType must be a string',
    ],
    ['{"functionList":[{"name":"q","returnType":["Stext"]}]}', 'returnType must be a string'],
    ['{"functionList":[{"name":"q","ignoreSign":"yes"}]}', 'ignoreSign must be true or false'],
    ['{"title":5,"functionList":[]}', 'title must be a string'],
  ])('%s → %s', (text, problem) => {
    const error = configError(() => parseServiceDefinition(text, 'services/S/e.json'));
    expect(error.message).toMatch(/^services\/S\/e\.json: /);
    expect(error.message).toContain(problem);
  });
});

describe('servicesFromAuthDetails', () => {
  const details = [
    {
      title: 'Order Service',
      fullName: 'services.OrderSvc',
      functionList: [
        {
          name: 'query',
          title: 'Order Query',
          args: [{ name: 'orderId', title: 'Order ID', dataType: 'Stext' }],
          returnType: 'JitDict',
          desc: 'Query order status',
        },
      ],
    },
    {
      fullName: 'apiAuths.services.ApiAuthSvc',
      functionList: [{ name: 'getDetails', args: [{ name: 'accessKey' }] }],
    },
  ];

  test('reads the list of {title, fullName, functionList}', () => {
    const services = servicesFromAuthDetails(details);
    expect(services[0]).toEqual({
      fullName: 'services.OrderSvc',
      title: 'Order Service',
      source: 'authorization details[0]',
      functionList: [details[0]!.functionList[0]],
    });
    expect(services[1]!.fullName).toBe('apiAuths.services.ApiAuthSvc');
  });

  test('an argument without a data type (as a live server may send) becomes unknown', () => {
    const [, auth] = servicesFromAuthDetails(details);
    expect(auth!.functionList[0]!.args).toEqual([{ name: 'accessKey', dataType: '' }]);
  });

  test.each([
    [{}, 'authorization details: expected a list of services'],
    [[null], 'authorization details[0]: expected an object'],
    [[{ functionList: [] }], 'authorization details[0]: fullName must be a non-empty string'],
    [
      [{ fullName: 'services.S' }],
      'authorization details[0] (services.S): functionList must be a list',
    ],
    [
      [{ fullName: 'services.S', functionList: [{ name: 'q', args: [{ dataType: 'Stext' }] }] }],
      'authorization details[0]: functionList[0] (q): args[0]: name must be a non-empty string',
    ],
  ])('%j → %s', (value, message) => {
    expect(configError(() => servicesFromAuthDetails(value)).message).toBe(message);
  });

  test('the source label is configurable', () => {
    const error = configError(() => servicesFromAuthDetails({}, 'https://jit.example details'));
    expect(error.message).toMatch(/^https:\/\/jit\.example details: /);
  });
});
