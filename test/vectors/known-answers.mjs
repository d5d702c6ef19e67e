// Copied known-answer files: hmac/*.json (RFC 4231 layout) and digest/*.json (RFC 7616).
import { compareText, firstProblem, need, runCase } from './check.mjs';

/** HMAC known answers: hex key/data, `expected` by `hmac-<algorithm>`, optional truncateBits. */
export function hmacKnownAnswerCases(data, api) {
  const hmacHex = need(api, 'hmacHex');
  const fromHex = need(api, 'fromHex');
  return data.cases.map((c, i) =>
    runCase(c.id ?? c.name ?? `#${i}`, () => {
      const entries = Object.entries(c.expected ?? {});
      if (entries.length === 0) return 'case has no expected values';
      return firstProblem(
        ...entries.map(([label, expected]) => {
          const algorithm = label.replace(/^hmac-/, '');
          const mac = hmacHex(algorithm, fromHex(c.key), fromHex(c.data));
          const compared = c.truncateBits === undefined ? mac : mac.slice(0, c.truncateBits / 4);
          return compareText(label, compared, expected);
        }),
      );
    }),
  );
}

const DIGEST_FIELDS = [
  'username',
  'password',
  'realm',
  'nonce',
  'method',
  'uri',
  'qop',
  'nc',
  'cnonce',
  'body',
  'userhash',
];

/** HTTP Digest `response` values. */
export function digestCases(data, api) {
  const computeDigestResponse = need(api, 'computeDigestResponse');
  return data.cases.map((c, i) =>
    runCase(c.id ?? `#${i}`, () => {
      const input = { algorithm: c.algorithm ?? 'MD5' };
      for (const field of DIGEST_FIELDS) if (c[field] !== undefined) input[field] = c[field];
      return compareText('response', computeDigestResponse(input), c.response);
    }),
  );
}
