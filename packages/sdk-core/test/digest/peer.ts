import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A strict HTTP Digest server for tests, written independently of signet's code
 * (node:crypto hashes, its own header reader). It rejects what RFC 7616 forbids:
 * a wrong `uri`, a non-increasing `nc`, quoting `nc`/`qop`/`algorithm`, an algorithm or
 * qop it did not offer, a wrong body hash under auth-int, an unknown nonce.
 */
export interface DigestPeerOptions {
  realm: string;
  /** username → password */
  users: Record<string, string>;
  /** One challenge per algorithm, in this order (sharing one nonce). */
  algorithms: readonly string[];
  /** Offered qop values; undefined for an RFC 2069 challenge. */
  qop?: readonly ('auth' | 'auth-int')[] | undefined;
  userhash?: boolean;
  opaque?: string;
  domain?: string;
  /** Accepted uses per nonce; the next valid use gets `401 stale=true`. */
  maxUses?: number;
  /** Send `nextnonce` in Authentication-Info. */
  nextnonce?: boolean;
  /** Challenges of other schemes to list before the Digest ones (separate header lines). */
  otherChallenges?: readonly string[];
}

export interface PeerEvent {
  method: string;
  url: string;
  authorization: string | undefined;
  status: number;
  /** Why a request was refused (or 'ok'). */
  reason: string;
}

export interface DigestPeer {
  url: string;
  events: PeerEvent[];
  stop(): Promise<void>;
}

interface NonceState {
  uses: number;
  lastNc: number;
  /** -sess session key, bound to the first cnonce (RFC 2617 §3.2.2.2). */
  sessHa1: Map<string, string>;
}

const HASHES: Record<string, string> = {
  md5: 'md5',
  'sha-256': 'sha256',
  'sha-512-256': 'sha512-256',
};

export async function startDigestPeer(options: DigestPeerOptions): Promise<DigestPeer> {
  const nonces = new Map<string, NonceState>();
  // Header bytes are UTF-8 on the wire; node:http reads and writes them as Latin-1 text.
  const wireRealm = Buffer.from(options.realm, 'utf8').toString('latin1');
  const events: PeerEvent[] = [];

  const challenge = (res: ServerResponse, stale: boolean) => {
    const nonce = randomBytes(24).toString('base64');
    nonces.set(nonce, { uses: 0, lastNc: 0, sessHa1: new Map() });
    const values = options.algorithms.map((algorithm) => {
      const parts = [`realm="${wireRealm}"`];
      if (options.qop !== undefined) parts.push(`qop="${options.qop.join(', ')}"`);
      parts.push(`algorithm=${algorithm}`, `nonce="${nonce}"`);
      if (options.opaque !== undefined) parts.push(`opaque="${options.opaque}"`);
      if (options.domain !== undefined) parts.push(`domain="${options.domain}"`);
      if (options.userhash) parts.push('userhash=true');
      if (stale) parts.push('stale=true');
      return `Digest ${parts.join(', ')}`;
    });
    res.setHeader('WWW-Authenticate', [...(options.otherChallenges ?? []), ...values]);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const authorization = req.headers.authorization;
    const done = (status: number, reason: string, stale = false) => {
      events.push({ method: req.method ?? '', url: req.url ?? '', authorization, status, reason });
      if (status === 401) challenge(res, stale);
      res.statusCode = status;
      if (status !== 200) res.end(Buffer.from(reason));
    };
    if (authorization === undefined) return done(401, 'no credentials');
    const verdict = check(req, body, authorization);
    if ('reason' in verdict) return done(401, verdict.reason);
    const state = verdict.state;
    if (options.maxUses !== undefined && state.uses >= options.maxUses) {
      return done(401, 'nonce used up', true);
    }
    state.uses += 1;
    const responseBody = JSON.stringify({ user: verdict.user, uri: req.url });
    const info = [`rspauth="${verdict.rspauth(responseBody)}"`];
    if (verdict.qop !== undefined) {
      info.push(`qop=${verdict.qop}`, `nc=${verdict.nc}`, `cnonce="${verdict.cnonce}"`);
    }
    if (options.nextnonce) {
      const next = randomBytes(24).toString('base64');
      nonces.set(next, { uses: 0, lastNc: 0, sessHa1: new Map() });
      info.push(`nextnonce="${next}"`);
    }
    res.setHeader('Authentication-Info', info.join(', '));
    res.setHeader('Content-Type', 'application/json');
    done(200, 'ok');
    // A Buffer body keeps node from writing the headers as UTF-8 along with a string body.
    res.end(Buffer.from(responseBody));
  });

  type Verdict =
    | { reason: string }
    | {
        state: NonceState;
        user: string;
        qop: string | undefined;
        nc: string;
        cnonce: string;
        rspauth: (responseBody: string) => string;
      };

  function check(req: IncomingMessage, body: Buffer, header: string): Verdict {
    const fields = readAuthorization(header);
    if (fields === undefined) return { reason: 'unparsable Authorization' };
    const { values, quoted } = fields;
    for (const name of ['nc', 'qop', 'algorithm', 'userhash']) {
      if (quoted.has(name)) return { reason: `${name} must not be quoted` };
    }
    for (const name of ['username', 'realm', 'nonce', 'uri', 'cnonce', 'response', 'opaque']) {
      if (values.has(name) && !quoted.has(name)) return { reason: `${name} must be quoted` };
    }
    if (values.get('realm') !== wireRealm) return { reason: 'wrong realm' };
    if (values.get('uri') !== req.url)
      return { reason: `uri ${values.get('uri')} is not ${req.url}` };
    const nonce = values.get('nonce') ?? '';
    const state = nonces.get(nonce);
    if (state === undefined) return { reason: 'unknown nonce' };
    const algorithmName = values.get('algorithm') ?? 'MD5';
    if (!options.algorithms.includes(algorithmName))
      return { reason: `algorithm ${algorithmName} not offered` };
    const hashName = HASHES[algorithmName.toLowerCase().replace(/-sess$/, '')];
    if (hashName === undefined) return { reason: 'unknown algorithm' };
    const h = (data: string | Buffer) => createHash(hashName).update(data).digest('hex');
    if (options.opaque !== undefined && values.get('opaque') !== options.opaque) {
      return { reason: 'wrong opaque' };
    }
    const user = identify(values, h);
    if (user === undefined) return { reason: 'unknown user' };
    const qop = values.get('qop');
    const nc = values.get('nc') ?? '';
    const cnonce = values.get('cnonce') ?? '';
    if (options.qop === undefined) {
      if (qop !== undefined || values.has('nc') || values.has('cnonce')) {
        return { reason: 'qop/nc/cnonce sent to an RFC 2069 challenge' };
      }
    } else {
      if (qop === undefined || !options.qop.includes(qop as 'auth'))
        return { reason: `qop ${qop} not offered` };
      if (!/^[0-9a-f]{8}$/.test(nc)) return { reason: 'nc must be 8 lower-case hex digits' };
      if (cnonce === '') return { reason: 'missing cnonce' };
      if (Number.parseInt(nc, 16) <= state.lastNc) return { reason: `nc ${nc} replayed` };
    }
    const password = options.users[user] ?? '';
    let ha1 = h(`${user}:${options.realm}:${password}`);
    if (algorithmName.endsWith('-sess')) {
      const known = state.sessHa1.get(user) ?? h(`${ha1}:${nonce}:${cnonce}`);
      state.sessHa1.set(user, known);
      ha1 = known;
    }
    const kd = (a2: string) =>
      qop === undefined
        ? h(`${ha1}:${nonce}:${h(a2)}`)
        : h(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${h(a2)}`);
    const a2 =
      qop === 'auth-int' ? `${req.method}:${req.url}:${h(body)}` : `${req.method}:${req.url}`;
    if (values.get('response') !== kd(a2)) return { reason: 'wrong response' };
    if (qop !== undefined) state.lastNc = Number.parseInt(nc, 16);
    const rspauth = (responseBody: string) =>
      kd(qop === 'auth-int' ? `:${req.url}:${h(responseBody)}` : `:${req.url}`);
    return { state, user, qop, nc, cnonce, rspauth };
  }

  function identify(values: Map<string, string>, h: (data: string) => string): string | undefined {
    const star = values.get('username*');
    if (star !== undefined) {
      if (values.has('username')) return undefined;
      const match = /^UTF-8''(.*)$/i.exec(star);
      return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    }
    const username = values.get('username');
    if (username === undefined) return undefined;
    if (values.get('userhash') === 'true') {
      if (!options.userhash) return undefined;
      return Object.keys(options.users).find((name) => h(`${name}:${options.realm}`) === username);
    }
    return username;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Reads `Digest k=v, k="v"` strictly; undefined on anything else or a repeated name. */
function readAuthorization(
  header: string,
): { values: Map<string, string>; quoted: Set<string> } | undefined {
  const match = /^Digest (.*)$/s.exec(header);
  if (match?.[1] === undefined) return undefined;
  const values = new Map<string, string>();
  const quoted = new Set<string>();
  const param = /([a-z*]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s",]+))(?:, |$)/gy;
  let rest = match[1];
  let lastIndex = 0;
  for (let m = param.exec(rest); m !== null; m = param.exec(rest)) {
    const [, name, inQuotes, bare] = m;
    if (name === undefined || values.has(name)) return undefined;
    values.set(name, inQuotes === undefined ? (bare ?? '') : inQuotes.replace(/\\(.)/g, '$1'));
    if (inQuotes !== undefined) quoted.add(name);
    lastIndex = param.lastIndex;
  }
  rest = rest.slice(lastIndex);
  return rest === '' ? { values, quoted } : undefined;
}
