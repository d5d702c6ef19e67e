/** CORS behaviour of an emulator (browser tests call it cross-origin). */
export interface CorsOptions {
  /**
   * Origins answered with CORS headers: `'*'` (default) echoes any `Origin`, a list
   * allows those exact origins, a function decides. Others get no CORS headers at all,
   * so the browser blocks the response, as with a real server.
   */
  origins?: '*' | readonly string[] | ((origin: string) => boolean);
  /** `Access-Control-Expose-Headers`: a list of names, or `'*'`. */
  exposeHeaders?: readonly string[] | '*';
  /** `Access-Control-Allow-Credentials: true` (default true). */
  allowCredentials?: boolean;
  /** Methods a preflight allows (default `GET, HEAD, PUT, PATCH, POST, DELETE`). */
  allowMethods?: readonly string[];
  /** `Access-Control-Max-Age` of preflight answers, seconds (default 600). */
  maxAgeSeconds?: number;
}

const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'];

/** True for a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/** Adds the CORS headers of an actual (non-preflight) response, when the origin is allowed. */
export function applyCors(request: Request, headers: Headers, options: CorsOptions | false): void {
  const origin = allowedOrigin(request, options);
  if (origin === undefined || options === false) return;
  headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
  if (options.allowCredentials ?? true) headers.set('Access-Control-Allow-Credentials', 'true');
  const expose = options.exposeHeaders;
  if (expose !== undefined && expose.length > 0) {
    headers.set('Access-Control-Expose-Headers', expose === '*' ? '*' : expose.join(', '));
  }
}

/**
 * The answer to a preflight: 204, the asked method and headers allowed (the asked
 * headers are echoed, as the `cors` middleware of Express does).
 */
export function preflightResponse(request: Request, options: CorsOptions | false): Response {
  const headers = new Headers();
  const origin = allowedOrigin(request, options);
  if (origin !== undefined && options !== false) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin, Access-Control-Request-Headers');
    if (options.allowCredentials ?? true) headers.set('Access-Control-Allow-Credentials', 'true');
    headers.set(
      'Access-Control-Allow-Methods',
      (options.allowMethods ?? DEFAULT_METHODS).join(','),
    );
    const asked = request.headers.get('access-control-request-headers');
    if (asked) headers.set('Access-Control-Allow-Headers', asked);
    headers.set('Access-Control-Max-Age', String(options.maxAgeSeconds ?? 600));
  }
  headers.set('Content-Length', '0');
  return new Response(null, { status: 204, headers });
}

function allowedOrigin(request: Request, options: CorsOptions | false): string | undefined {
  if (options === false) return undefined;
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  const rule = options.origins ?? '*';
  if (rule === '*') return origin;
  if (typeof rule === 'function') return rule(origin) ? origin : undefined;
  return rule.includes(origin) ? origin : undefined;
}
