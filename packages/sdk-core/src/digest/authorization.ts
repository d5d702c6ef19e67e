import { utf8 } from '../crypto/encoding.js';
import { SignetConfigError } from '../errors.js';

/**
 * How a user name travels in the `username` parameter, which servers read differently:
 * `'rfc7616'` quotes an ASCII name and sends any other as `username*=UTF-8''…` (RFC 7616
 * §3.4.4); `'utf-8'` quotes the name's UTF-8 bytes (Apache `mod_auth_digest` comparing
 * with a UTF-8 htdigest file); `'latin1'` quotes its Latin-1 bytes (DataFlux Func, Python
 * `requests`), and cannot carry a name beyond U+00FF.
 */
export type DigestUsernameEncoding = 'rfc7616' | 'utf-8' | 'latin1';

/** What goes into a Digest `Authorization` header; strings are unquoted values. */
export interface DigestAuthorizationFields {
  /** The user name, or the hex userhash when `userhash` is true. */
  username: string;
  realm: string;
  uri: string;
  /** Echoed as the server spelled it; omitted when the challenge had none (MD5 implied). */
  algorithm?: string | undefined;
  nonce: string;
  /** Both absent for the RFC 2069 form. */
  nc?: string | undefined;
  cnonce?: string | undefined;
  qop?: 'auth' | 'auth-int' | undefined;
  response: string;
  opaque?: string | undefined;
  userhash?: boolean | undefined;
  /** How a user name goes in the header (default `'rfc7616'`). */
  usernameEncoding?: DigestUsernameEncoding | undefined;
}

/**
 * Parameter order. Servers must not care, but the RFC examples differ: RFC 7616 §3.9
 * puts `uri` and `algorithm` before `nonce`, RFC 2617 §3.5 puts `nonce` first and `qop`
 * before `nc`. Matching them byte for byte keeps the examples testable.
 */
export type DigestHeaderLayout = 'rfc7616' | 'rfc2617';

/**
 * Formats the `Authorization: Digest ...` value. Quoted values are escaped; `algorithm`,
 * `nc` and `qop` go unquoted (RFC 7616 §3.4). With `usernameEncoding: 'rfc7616'` (the
 * default) a user name that a quoted-string cannot carry safely (non-ASCII or control
 * characters) is sent as `username*=UTF-8''<percent-encoded>` (RFC 7616 §3.4.4, RFC 8187)
 * unless it is a userhash; `'utf-8'` and `'latin1'` quote the name's bytes in that
 * encoding instead (servers that never read `username*`). Header values are byte strings
 * in fetch, so UTF-8 bytes go as one character per byte.
 *
 * @example
 * ```ts
 * formatDigestAuthorization({ username: 'Mufasa', realm, uri: '/dir/index.html',
 *   algorithm: 'SHA-256', nonce, nc: '00000001', cnonce, qop: 'auth', response, opaque })
 * // 'Digest username="Mufasa", realm="…", uri="/dir/index.html", algorithm=SHA-256, …'
 * ```
 */
export function formatDigestAuthorization(
  fields: DigestAuthorizationFields,
  layout: DigestHeaderLayout = 'rfc7616',
): string {
  const parts = new Map<string, string>();
  parts.set('username', usernameParam(fields));
  parts.set('realm', quotedParam('realm', fields.realm));
  parts.set('nonce', quotedParam('nonce', fields.nonce));
  parts.set('uri', quotedParam('uri', fields.uri));
  if (fields.algorithm !== undefined)
    parts.set('algorithm', `algorithm=${token('algorithm', fields.algorithm)}`);
  if (fields.qop !== undefined) {
    if (fields.qop !== 'auth' && fields.qop !== 'auth-int') {
      throw new SignetConfigError('digest: qop must be "auth" or "auth-int"');
    }
    if (fields.nc === undefined || fields.cnonce === undefined) {
      throw new SignetConfigError('digest: nc and cnonce are required when qop is set');
    }
    if (!/^[0-9a-f]{8}$/.test(fields.nc)) {
      throw new SignetConfigError('digest: nc must be 8 lower-case hex digits');
    }
    parts.set('qop', `qop=${fields.qop}`);
    parts.set('nc', `nc=${fields.nc}`);
    parts.set('cnonce', quotedParam('cnonce', fields.cnonce));
  }
  if (!/^[0-9a-f]+$/.test(fields.response)) {
    throw new SignetConfigError('digest: response must be lower-case hex');
  }
  parts.set('response', `response="${fields.response}"`);
  if (fields.opaque !== undefined) parts.set('opaque', quotedParam('opaque', fields.opaque));
  if (fields.userhash === true) parts.set('userhash', 'userhash=true');

  const order = layout === 'rfc2617' ? RFC2617_ORDER : RFC7616_ORDER;
  const out: string[] = [];
  for (const name of order) {
    const part = parts.get(name);
    if (part !== undefined) out.push(part);
  }
  return `Digest ${out.join(', ')}`;
}

const RFC7616_ORDER = [
  'username',
  'realm',
  'uri',
  'algorithm',
  'nonce',
  'nc',
  'cnonce',
  'qop',
  'response',
  'opaque',
  'userhash',
] as const;
const RFC2617_ORDER = [
  'username',
  'realm',
  'nonce',
  'uri',
  'algorithm',
  'qop',
  'nc',
  'cnonce',
  'response',
  'opaque',
  'userhash',
] as const;

/**
 * An RFC 7230 quoted-string: `"` and `\` escaped. Refuses characters that a header
 * cannot carry (controls other than tab, code points above U+00FF), which would
 * otherwise let a value smuggle in another header line.
 */
export function quoteString(value: string, field = 'value'): string {
  if (typeof value !== 'string') throw new TypeError(`digest: ${field} must be a string`);
  if (/[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/.test(value)) {
    throw new SignetConfigError(`digest: ${field} contains a character a header cannot carry`);
  }
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function quotedParam(name: string, value: string): string {
  return `${name}=${quoteString(value, name)}`;
}

function token(field: string, value: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value)) {
    throw new SignetConfigError(`digest: ${field} must be a token`);
  }
  return value;
}

function usernameParam(fields: DigestAuthorizationFields): string {
  const { username } = fields;
  if (typeof username !== 'string') throw new TypeError('digest: username must be a string');
  if (fields.userhash === true) {
    if (!/^[0-9a-f]+$/.test(username)) {
      throw new SignetConfigError('digest: with userhash, username must be the hex userhash');
    }
    return `username="${username}"`;
  }
  const encoding = fields.usernameEncoding ?? 'rfc7616';
  if (encoding === 'latin1') {
    checkLatin1Username(username);
    return `username=${quoteString(username, 'username')}`;
  }
  if (encoding === 'utf-8') return `username=${quoteString(byteString(username), 'username')}`;
  if (encoding !== 'rfc7616') {
    throw new SignetConfigError(
      `digest: usernameEncoding must be 'rfc7616', 'utf-8' or 'latin1', got ${JSON.stringify(encoding)}`,
    );
  }
  if (/^[\u0020-\u007e]*$/.test(username)) return `username=${quoteString(username, 'username')}`;
  return `username*=UTF-8''${encodeExtValue(username)}`;
}

/**
 * Refuses a user name a quoted Latin-1 `username` cannot carry, naming its first such
 * character; `reason` says why the encoding is Latin-1 (a server that reads nothing else).
 */
export function checkLatin1Username(username: string, reason?: string): void {
  const beyond = /[^\u0000-\u00ff]/u.exec(username)?.[0];
  if (beyond !== undefined) {
    const code = `U+${beyond.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new SignetConfigError(
      reason === undefined
        ? `digest: the user name holds ${JSON.stringify(beyond)} (${code}), beyond Latin-1: usernameEncoding 'latin1' cannot carry it; use 'utf-8' or 'rfc7616' for a server that reads those`
        : `digest: the user name holds ${JSON.stringify(beyond)} (${code}), beyond Latin-1. ${reason}, so no client can send this name to it: use a user name within Latin-1 there`,
    );
  }
  if (/[\u0000-\u001f\u007f]/.test(username)) {
    throw new SignetConfigError('digest: username contains a character a header cannot carry');
  }
}

/** The UTF-8 bytes of `text`, one character per byte (how fetch writes header values). */
function byteString(text: string): string {
  let out = '';
  for (const byte of utf8(text)) out += String.fromCharCode(byte);
  return out;
}

// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" /
// "_" / "`" / "|" / "~"; everything else is percent-encoded UTF-8.
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function encodeExtValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ATTR_CHAR.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of utf8(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
