// dataflux/requests.json (format: vectors/README.md, "dataflux").
import { compareText, firstProblem, need, runCase } from './check.mjs';

/** Every intermediate of dataFluxSign: jsonDumps, bodyMd5, stringToSign, sign. */
export function dataFluxCases(data, api) {
  const dataFluxSign = need(api, 'dataFluxSign');
  return data.cases.map((c, i) =>
    runCase(c.name ?? `#${i}`, () => {
      const out = dataFluxSign({
        method: c.method,
        pathWithQuery: c.pathWithQuery,
        timestamp: c.timestamp,
        nonce: c.nonce,
        body: c.body,
        akSecret: c.akSecret,
      });
      return firstProblem(
        compareText('jsonDumps', out.jsonDumps, c.jsonDumps),
        compareText('bodyMd5', out.bodyMd5, c.bodyMd5),
        compareText('stringToSign', out.stringToSign, c.stringToSign),
        compareText('sign', out.sign, c.sign),
      );
    }),
  );
}
