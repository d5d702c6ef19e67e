import type { DigestSession } from '../../src/digest/session.js';

export interface DriveResult {
  response: Response;
  /** Authorization values sent, in order (undefined for a request sent without one). */
  sent: (string | undefined)[];
  /** What `verifyAuthenticationInfo` said about the final response, if it had the header. */
  verified: boolean | undefined;
  body: string;
}

/**
 * The loop an HTTP client runs around a DigestSession (what signet's `digest()` strategy
 * does): preemptive when possible; after a 401, answer the challenge — but after a reply
 * to a fresh challenge, only once more and only if the new 401 is stale: a plain 401
 * there means the password is wrong.
 */
export async function drive(
  session: DigestSession,
  url: string,
  init: { method?: string; body?: string } = {},
): Promise<DriveResult> {
  const target = new URL(url);
  const request = {
    method: init.method ?? 'GET',
    uri: target.pathname + target.search,
    ...(init.body === undefined ? {} : { body: init.body }),
  };
  const sent: (string | undefined)[] = [];
  let authorization = session.preemptive(request);
  let fresh = false;
  let staleRetried = false;
  for (;;) {
    sent.push(authorization);
    const response = await fetch(url, {
      method: request.method,
      ...(init.body === undefined ? {} : { body: init.body }),
      headers: authorization === undefined ? {} : { authorization },
    });
    const challenge = response.headers.get('www-authenticate');
    if (response.status !== 401 || challenge === null) {
      const body = await response.text();
      const info = response.headers.get('authentication-info');
      const verified =
        info === null
          ? undefined
          : session.verifyAuthenticationInfo(info, { ...request, responseBody: body });
      return { response, sent, verified, body };
    }
    await response.arrayBuffer();
    const stale = session.isStale(challenge);
    if (fresh && (!stale || staleRetried)) {
      return { response, sent, verified: undefined, body: '' };
    }
    staleRetried ||= fresh && stale;
    authorization = session.respond(challenge, request);
    fresh = true;
  }
}

/** The unquoted value of one parameter of a Digest Authorization header. */
export function param(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`[ ,]${name}=("((?:[^"\\\\]|\\\\.)*)"|[^\\s,]+)`).exec(
    ` ${header ?? ''}`,
  );
  if (match === null) return undefined;
  return match[2] ?? match[1];
}
