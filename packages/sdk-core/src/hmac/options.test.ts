import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { DEFAULT_HMAC_HEADERS, type HmacProfileOptions, resolveHmacOptions } from './options.js';

const secret = 'hmac-secret-value-42';

describe('resolveHmacOptions', () => {
  test('fills in the documented defaults', () => {
    expect(resolveHmacOptions({ keyId: 'key-1', secret })).toEqual({
      keyId: 'key-1',
      secret,
      algorithm: 'sha256',
      encoding: 'hex',
      timestampUnit: 's',
      headerNames: {
        keyId: 'X-Signet-Key',
        timestamp: 'X-Signet-Timestamp',
        nonce: 'X-Signet-Nonce',
        signature: 'X-Signet-Signature',
        bodyHash: 'X-Signet-Content-SHA256',
      },
      bodyHash: 'bytes',
      nonce: true,
    });
  });

  test('merges header names and can drop the body-hash header', () => {
    const resolved = resolveHmacOptions({
      keyId: 'k',
      secret,
      headerNames: { signature: 'X-Sig', bodyHash: false, nonce: undefined as unknown as string },
    });
    expect(resolved.headerNames).toEqual({
      ...DEFAULT_HMAC_HEADERS,
      signature: 'X-Sig',
      bodyHash: false,
    });
  });

  test('returns an already resolved object as is, and freezes it', () => {
    const resolved = resolveHmacOptions({ keyId: 'k', secret, algorithm: 'sha512' });
    expect(resolveHmacOptions(resolved)).toBe(resolved);
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.headerNames)).toBe(true);
  });

  test.each<[Partial<HmacProfileOptions>, string]>([
    [{ keyId: '' }, 'keyId must be'],
    [{ keyId: 'has space' }, 'keyId must be'],
    [{ keyId: 'línea' }, 'keyId must be'],
    [{ secret: '' }, 'secret must be a non-empty string'],
    [{ algorithm: 'md5' as 'sha1' }, "algorithm must be one of 'sha256', 'sha512', 'sha1'"],
    [{ encoding: 'base64url' as 'hex' }, 'encoding must be one of'],
    [{ timestampUnit: 'us' as 's' }, 'timestampUnit must be one of'],
    [{ bodyHash: 'json' as 'jcs' }, 'bodyHash must be one of'],
    [{ nonce: 'yes' as unknown as boolean }, 'nonce must be true or false'],
    [{ headerNames: { signature: 'X Sig' } }, 'headerNames.signature must be an HTTP header name'],
    [{ headerNames: { nonce: 'x-signet-key' } }, 'headerNames.nonce (x-signet-key) is used twice'],
  ])('refuses %o', (bad, message) => {
    const run = () => resolveHmacOptions({ keyId: 'k', secret, ...bad });
    expect(run).toThrow(SignetConfigError);
    expect(run).toThrow(`hmac: ${message}`);
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
