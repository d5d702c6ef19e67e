// jitai/requests.json and jitai/responses.json (format: vectors/README.md, "jitai").
import { compareText, firstProblem, need, runCase } from './check.mjs';

/** paramStr, masked paramStr and accessSign from the lossless parse of `argsJson`. */
export function jitaiRequestCases(data, api) {
  const parseLossless = need(api, 'parseLossless');
  const jitaiParamStr = need(api, 'jitaiParamStr');
  const jitaiSign = need(api, 'jitaiSign');
  return data.cases.map((c, i) =>
    runCase(c.name ?? `#${i}`, () => {
      const args = parseLossless(c.argsJson);
      const options = { timestamp: c.timestamp, secret: c.secret };
      return firstProblem(
        compareText('paramStr', jitaiParamStr(args, options), c.paramStr),
        compareText(
          'paramStrMasked',
          jitaiParamStr(args, { ...options, masked: true }),
          c.paramStrMasked,
        ),
        compareText('accessSign', jitaiSign(args, options), c.accessSign),
      );
    }),
  );
}

/** verifyJitaiResponse on the exact wire text: ok, or the expected SignetSignatureError problem. */
export function jitaiResponseCases(data, api) {
  const verifyJitaiResponse = need(api, 'verifyJitaiResponse');
  return data.cases.map((c, i) =>
    runCase(`${i} ${c.name ?? ''}`.trim(), () => {
      let error;
      try {
        verifyJitaiResponse(c.bodyText, { secret: c.secret, now: c.now });
      } catch (e) {
        error = e;
      }
      if (c.expect === 'ok') {
        return error === undefined
          ? undefined
          : `expected ok, got ${error.name}: ${error.problem ?? error.message}`;
      }
      if (error === undefined) return `expected ${c.expect}, but it verified`;
      if (error.name !== 'SignetSignatureError' || error.problem !== c.expect) {
        return `expected SignetSignatureError ${c.expect}, got ${error.name} ${error.problem ?? error.message}`;
      }
      return undefined;
    }),
  );
}
