import { describe, expect, test } from 'vitest';
import {
  SignetApiError,
  SignetConfigError,
  SignetError,
  SignetHttpError,
  SignetSignatureError,
} from './errors.js';

describe('JSON.stringify of a SignetError', () => {
  test('keeps name, message and fields; bigints become strings, Headers an object', () => {
    const error = new SignetHttpError('HTTP 502 from POST /x', {
      status: 502,
      headers: new Headers({ 'content-type': 'application/json', 'x-trace-id': 't-1' }),
      body: { big: 2n ** 64n, list: [1n, 'a', null], nested: { n: -3n } },
      url: 'https://h.test/x',
      method: 'POST',
      cause: new Error('inner'),
    });
    const record = JSON.parse(JSON.stringify(error));
    expect(record).toEqual({
      name: 'SignetHttpError',
      message: 'HTTP 502 from POST /x',
      status: 502,
      headers: { 'content-type': 'application/json', 'x-trace-id': 't-1' },
      body: { big: '18446744073709551616', list: ['1', 'a', null], nested: { n: '-3' } },
      url: 'https://h.test/x',
      method: 'POST',
    });
  });

  test('every class, plain fields as they are', () => {
    const api = new SignetApiError('order does not exist', {
      status: 200,
      errcode: 30001,
      detail: { id: 9007199254740993n },
    });
    expect(JSON.parse(JSON.stringify(api))).toMatchObject({
      name: 'SignetApiError',
      errcode: 30001,
      status: 200,
      detail: { id: '9007199254740993' },
    });
    const signature = new SignetSignatureError('bad', { problem: 'bad-signature' });
    expect(JSON.parse(JSON.stringify(signature))).toMatchObject({ problem: 'bad-signature' });
    expect(JSON.parse(JSON.stringify(new SignetConfigError('no')))).toEqual({
      name: 'SignetConfigError',
      message: 'no',
    });
    expect(new SignetConfigError('x')).toBeInstanceOf(SignetError);
  });
});
