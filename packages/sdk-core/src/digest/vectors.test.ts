import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { type DigestVector, readVectors } from '../../../../test/vectors/load.js';
import { formatDigestAuthorization } from './authorization.js';
import { parseWwwAuthenticate } from './challenge.js';
import { computeDigestResponse, digestUserhash } from './compute.js';
import { DigestSession } from './session.js';

const file = readVectors<DigestVector>('digest/rfc7616.json');

/** The bytes a session must draw to produce `cnonce` (signet's cnonce is base64 of 33 bytes). */
function randomFor(cnonce: string) {
  const bytes = new Uint8Array(Buffer.from(cnonce, 'base64'));
  return (length: number) => {
    expect(length).toBe(bytes.length);
    return bytes;
  };
}

describe('RFC 7616 / 2617 / 2069 digest vectors', () => {
  test('the file has the five documented cases', () => {
    expect(file.cases).toHaveLength(5);
  });

  const named = (cases: DigestVector[]) => cases.map((c) => [c.id, c] as const);
  const withHeader = file.cases.filter((c) => c.authorization !== undefined);
  const withChallenge = file.cases.filter((c) => c.challenge !== undefined);

  test('the file has cases of every kind', () => {
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    expect(withChallenge.length).toBeGreaterThanOrEqual(4);
  });

  test.each(named(file.cases))(
    '%s: computeDigestResponse gives the known response',
    (_id, vector) => {
      const { algorithm, username, password, realm, nonce, method, uri, qop, nc, cnonce } = vector;
      const response = computeDigestResponse({
        algorithm,
        username,
        password,
        realm,
        nonce,
        method,
        uri,
        qop,
        ...(nc === undefined ? {} : { nc }),
        ...(cnonce === undefined ? {} : { cnonce }),
      });
      expect(response).toBe(vector.response);
    },
  );

  test.each(named(withHeader))('%s: formats the exact Authorization header', (_id, vector) => {
    const layout = vector.id.startsWith('rfc2617') ? 'rfc2617' : 'rfc7616';
    const header = formatDigestAuthorization(
      {
        username: vector.username,
        realm: vector.realm,
        uri: vector.uri,
        // RFC 2617's example challenge names no algorithm, so the answer echoes none.
        algorithm: vector.challenge?.includes('algorithm=') ? vector.algorithm : undefined,
        nonce: vector.nonce,
        nc: vector.nc,
        cnonce: vector.cnonce,
        qop: vector.qop,
        response: vector.response,
        opaque: vector.opaque,
      },
      layout,
    );
    expect(header).toBe(vector.authorization);
  });

  test.each(named(withChallenge))('%s: a session answering the challenge agrees', (_id, vector) => {
    const challenge = vector.challenge as string;
    const [parsed] = parseWwwAuthenticate(challenge);
    expect(parsed?.scheme).toBe('digest');
    expect(parsed?.params.realm).toBe(vector.realm);
    expect(parsed?.params.nonce).toBe(vector.nonce);
    const useRandom = vector.cnonce !== undefined && vector.cnonce.length === 44;
    const session = new DigestSession({
      username: vector.username,
      password: vector.password,
      preferredAlgorithms: [vector.algorithm],
      ...(useRandom ? { random: randomFor(vector.cnonce as string) } : {}),
      ...(!useRandom && vector.cnonce !== undefined
        ? { cnonce: () => vector.cnonce as string }
        : {}),
    });
    const header = session.respond(challenge, { method: vector.method, uri: vector.uri });
    expect(header).toContain(`response="${vector.response}"`);
    if (vector.authorization !== undefined && !vector.id.startsWith('rfc2617')) {
      expect(header).toBe(vector.authorization);
    }
    if (vector.qop === undefined) {
      expect(header).not.toMatch(/\b(nc|cnonce|qop)=/);
    }
  });

  test('RFC 7616 §3.9.2 username* form and userhash', () => {
    const vector = file.cases.find((c) => c.algorithm === 'SHA-512-256');
    if (vector === undefined) throw new Error('vector missing');
    const header = formatDigestAuthorization({
      username: vector.username,
      realm: vector.realm,
      uri: vector.uri,
      algorithm: vector.algorithm,
      nonce: vector.nonce,
      nc: vector.nc,
      cnonce: vector.cnonce,
      qop: 'auth',
      response: vector.response,
    });
    expect(header).toContain(`username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org"`);
    expect(header).not.toContain('username="');
    // The RFC's printed userhash (488869...) is known not to match its inputs; this is
    // SHA-512/256("Jäsøn Doe:api@example.org") as node:crypto computes it.
    const expected = createHash('sha512-256').update('Jäsøn Doe:api@example.org').digest('hex');
    expect(digestUserhash(vector.username, vector.realm, 'SHA-512-256')).toBe(expected);
  });
});
