/**
 * errcodes the JitAi emulator answers with. `authFailed` (20005) is the platform's own
 * (PROTOCOLS §1, seed `jitai-interceptor-bearer.md`); the public docs list no others, so
 * the rest are the emulator's choice, kept apart from 20005 so a test can tell a missing
 * function or a crashing service from an authentication failure.
 */
export const JITAI_ERRCODES: {
  /** Signature, timestamp, unknown accessKey, API not in the key's `apis`, Bearer token. */
  readonly authFailed: 20005;
  /** The body is not a JSON object. */
  readonly badRequest: 40000;
  /** No such element or function under the app. */
  readonly notFound: 40004;
  /** A method other than POST (answered with HTTP 405). */
  readonly methodNotAllowed: 40005;
  /** A service function threw something other than a JitaiBusinessError. */
  readonly serviceError: 50000;
} = {
  authFailed: 20005,
  badRequest: 40000,
  notFound: 40004,
  methodNotAllowed: 40005,
  serviceError: 50000,
};

/**
 * Thrown by an emulated service function to answer a business error envelope
 * `{"errcode": <errcode>, "errmsg": <errmsg>, …, "data": {}}` (HTTP 200).
 *
 * @example
 * ```ts
 * services: { 'services.OrderSvc': { query: ({ orderId }) => {
 *   throw new JitaiBusinessError(30001, `order ${orderId} does not exist`)
 * } } }
 * ```
 */
export class JitaiBusinessError extends Error {
  override name = 'JitaiBusinessError';
  readonly errcode: number;
  readonly errmsg: string;

  constructor(errcode: number, errmsg: string) {
    super(errmsg);
    if (!Number.isInteger(errcode) || errcode === 0) {
      throw new RangeError('JitaiBusinessError: errcode must be a non-zero integer');
    }
    this.errcode = errcode;
    this.errmsg = errmsg;
  }
}

/** The platform's wording for an exception raised inside an element (seed, failure response). */
export function elementException(element: string, title: string, message: string): string {
  return `${element}【${title}】Element exception, please check element code or parameters. Error message: ${message}`;
}
