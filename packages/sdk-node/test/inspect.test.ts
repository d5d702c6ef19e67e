import { inspect } from 'node:util';
import { SignetApiError, SignetHttpError } from '@signet/sdk-core';
import { describe, expect, test } from 'vitest';
import '../src/index.js';

describe('util.inspect of a SignetError (sdk-node)', () => {
  test('shows the stack, exactly the toJSON fields, and the cause', () => {
    const error = new SignetHttpError('HTTP 502 from POST /x', {
      status: 502,
      headers: new Headers({ 'x-trace-id': 't-1' }),
      body: { big: 12345678901234567890n },
      url: 'https://h/x',
      cause: new Error('upstream reset'),
    });
    const text = inspect(error, { depth: 4 });
    expect(text.startsWith('SignetHttpError: HTTP 502 from POST /x\n    at ')).toBe(true);
    // Headers as the plain object toJSON writes (default inspect shows `Headers {}` internals).
    expect(text).toContain("headers: { 'x-trace-id': 't-1' }");
    expect(text).toContain("big: '12345678901234567890'");
    expect(text).toContain("url: 'https://h/x'");
    expect(text).toContain('[cause]: Error: upstream reset');
  });

  test('a shallow inspect does not descend', () => {
    const error = new SignetApiError('failed', { status: 401, errcode: 20005 });
    expect(inspect({ nested: { deeper: error } }, { depth: 1 })).toContain(
      '[SignetApiError: failed]',
    );
  });
});
