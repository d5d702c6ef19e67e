// The cross-runtime smoke suite: ONE module, run unchanged by Node 22 and 24, Bun, Deno
// and workerd. It gets the built @signet/sdk-core namespace and an input (conformance
// vectors, URLs of servers the runner started in Node) and returns a report; it never
// touches anything runtime-specific (no process, Deno, Bun, fs): only what sdk-core
// itself may use — fetch, URL, TextEncoder, crypto.getRandomValues.

/**
 * @param {Record<string, any>} sdk the `@signet/sdk-core` module namespace
 * @param {Record<string, any>} signer the `@signet/sdk-browser/signer` namespace (WebCrypto)
 * @param {{ vectors: Record<string, any[]>, urls: Record<string, string>, keys: Record<string, any> }} input
 * @returns {Promise<{ passed: number, failed: number, checks: { name: string, ok: boolean, detail: string }[] }>}
 */
export async function runSmoke(sdk, signer, input) {
  const checks = [];
  const check = async (name, body) => {
    try {
      const detail = await body();
      checks.push({ name, ok: true, detail: String(detail ?? '') });
    } catch (error) {
      checks.push({ name, ok: false, detail: `${error?.name}: ${error?.message}` });
    }
  };
  const expectEqual = (actual, expected, what) => {
    const a = stringify(actual);
    const e = stringify(expected);
    if (a !== e) throw new Error(`${what}: got ${a}, want ${e}`);
  };
  const expectError = async (promise, Class, what) => {
    try {
      await promise;
    } catch (error) {
      if (!(error instanceof Class) || !(error instanceof sdk.SignetError)) {
        throw new Error(`${what}: got ${error?.name} (${error?.message}), want ${Class.name}`);
      }
      if (error.name !== Class.name || !sdk.isSignetError(error)) {
        throw new Error(`${what}: name ${error.name} is not ${Class.name}`);
      }
      return error;
    }
    throw new Error(`${what}: no error, want ${Class.name}`);
  };
  const { vectors, urls, keys } = input;

  await check('jitai request vectors (paramStr, accessSign)', () => {
    for (const c of vectors.jitaiRequests) {
      const args = sdk.parseLossless(c.argsJson);
      const options = { timestamp: c.timestamp, secret: c.secret };
      expectEqual(sdk.jitaiParamStr(args, options), c.paramStr, `${c.name} paramStr`);
      expectEqual(sdk.jitaiSign(args, options), c.accessSign, `${c.name} accessSign`);
    }
    return `${vectors.jitaiRequests.length} cases`;
  });

  await check('jitai response vectors (lossless verification)', () => {
    for (const c of vectors.jitaiResponses) {
      let got = 'ok';
      try {
        sdk.verifyJitaiResponse(c.bodyText, { secret: c.secret, now: c.now });
      } catch (error) {
        if (!(error instanceof sdk.SignetSignatureError)) throw error;
        got = error.problem;
      }
      expectEqual(got, c.expect, c.name);
    }
    return `${vectors.jitaiResponses.length} cases`;
  });

  await check('dataflux request vectors (jsonDumps, MD5, HMAC-SHA1)', () => {
    for (const c of vectors.dataflux) {
      const { method, pathWithQuery, timestamp, nonce, body, akSecret } = c;
      const signed = sdk.dataFluxSign({ method, pathWithQuery, timestamp, nonce, body, akSecret });
      expectEqual([signed.stringToSign, signed.sign], [c.stringToSign, c.sign], c.name);
    }
    return `${vectors.dataflux.length} cases`;
  });

  await check('WebCrypto signers reproduce the JitAi and DataFlux vectors', async () => {
    for (const c of vectors.jitaiRequests) {
      const args = sdk.parseLossless(c.argsJson);
      const signed = await signer.signJitaiRequest({
        accessKey: 'ak',
        accessSecret: c.secret,
        args,
        timestamp: c.timestamp,
      });
      expectEqual(signed.accessSign, c.accessSign, `${c.name} accessSign`);
    }
    for (const c of vectors.dataflux) {
      const { method, pathWithQuery, timestamp, nonce, body, akSecret } = c;
      const input = { akId: 'ak', method, pathWithQuery, timestamp, nonce, body, akSecret };
      const signed = await signer.signDataFluxRequest(input);
      expectEqual(signed.sign, c.sign, `${c.name} sign`);
    }
    return `${vectors.jitaiRequests.length + vectors.dataflux.length} cases`;
  });

  await check('CSPRNG nonces', () => {
    const a = sdk.randomHexNonce(16);
    const b = sdk.randomHexNonce(16);
    if (!/^[0-9a-f]{32}$/.test(a) || a === b) throw new Error(`weak nonces ${a} ${b}`);
  });

  const jitaiClient = (baseUrl, extra = {}) =>
    sdk.createJitaiClient({ baseUrl, ...keys.jitai, retry: 0, ...extra });

  await check('signed JitAi call over HTTP, verified, lossless', async () => {
    const result = await jitaiClient(urls.jitai).call('services.OrderSvc.query', {
      orderId: 'R-1',
      ratio: new sdk.LosslessNumber('1.0'),
    });
    expectEqual(result, { orderId: 'R-1', big: 18446744073709551616n, ratio: 1 }, 'result');
  });

  await check('DataFlux AK/SK call over HTTP', async () => {
    const dff = sdk.createDataFluxClient({
      baseUrl: urls.dataflux,
      auth: sdk.dataflux(keys.dataflux),
    });
    expectEqual(await dff.callFunc('demo__main.echo', { x: 1 }), { got: { x: 1 } }, 'result');
  });

  await check('HTTP Digest challenge answered over HTTP', async () => {
    const dff = sdk.createDataFluxClient({ baseUrl: urls.dataflux, auth: sdk.digest(keys.digest) });
    expectEqual(await dff.sync('digest', { n: 1 }), { got: { n: 1 } }, 'first');
    expectEqual(await dff.sync('digest', { n: 2 }), { got: { n: 2 } }, 'second (preemptive)');
  });

  await check('delegated signing (remoteSigner ⇄ signing handler) over HTTP', async () => {
    const jit = sdk.createJitaiClient({
      baseUrl: urls.jitai,
      accessKey: keys.jitai.accessKey,
      auth: sdk.remoteSigner({ endpoint: urls.signer }),
    });
    expectEqual(
      await jit.call('services.OrderSvc.query', { orderId: 'D-1' }),
      {
        orderId: 'D-1',
        big: 18446744073709551616n,
      },
      'result',
    );
  });

  await check('typed errors', async () => {
    const tampered = await expectError(
      jitaiClient(urls.jitaiTampered).call('services.OrderSvc.query', { orderId: '1' }),
      sdk.SignetSignatureError,
      'tampered response',
    );
    expectEqual(tampered.problem, 'bad-signature', 'problem');
    const business = await expectError(
      jitaiClient(urls.jitai).call('services.OrderSvc.fail', {}),
      sdk.SignetApiError,
      'business error',
    );
    expectEqual(business.errcode, 30001, 'errcode');
    await expectError(
      jitaiClient(urls.jitai).call('services.OrderSvc.query', { orderId: '1', ORDERID: '2' }),
      sdk.SignetConfigError,
      'ambiguous args',
    );
    await expectError(
      jitaiClient(urls.closed).call('services.OrderSvc.query', {}),
      sdk.SignetNetworkError,
      'closed port',
    );
    const message = `${tampered.message} ${business.message}`;
    if (message.includes(keys.jitai.accessSecret)) throw new Error('a message holds the secret');
  });

  const failed = checks.filter((c) => !c.ok).length;
  return { passed: checks.length - failed, failed, checks };
}

function stringify(value) {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v));
}
