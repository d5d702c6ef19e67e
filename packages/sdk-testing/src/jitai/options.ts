import type { LosslessObject } from '@signet/sdk-core';
import type { EmulatorBaseOptions } from '../core/runtime.js';

/** One API authorization element (`apiAuths.NormalType`): a key pair and what it may call. */
export interface JitaiApiAuth {
  accessKey: string;
  accessSecret: string;
  /** Allowed APIs, `service full name.function`: `['services.OrderSvc.query']`. */
  apis: readonly string[];
  /** Element name shown in error messages (default `apiAuths.myApiAuth`). */
  name?: string;
  /** Element title shown in error messages (default `API Authorization`). */
  title?: string;
}

/** One function of a service's `e.json` `functionList`. */
export interface JitaiFunctionDefinition {
  name: string;
  title?: string;
  args?: readonly { name: string; title?: string; dataType: string }[];
  returnType?: string;
  desc?: string;
  /** `true`: the platform skips its signature check (see the Bearer seed). */
  ignoreSign?: boolean;
  /** `false`: the platform skips its login check. */
  loginRequired?: boolean;
}

/** A service element's definition, as in `services/<Svc>/e.json`. */
export interface JitaiServiceDefinition {
  /** `services.OrderSvc`. */
  fullName: string;
  title?: string;
  functionList: readonly JitaiFunctionDefinition[];
}

/** What a service function gets besides its args. */
export interface JitaiServiceContext {
  /** `services.OrderSvc.query`. */
  api: string;
  /** How the call was authenticated. */
  auth: 'signed' | 'bearer' | 'open';
  /** The signing key (signed calls) or the Bearer token's app name (Bearer calls). */
  caller?: string;
  /** The args exactly as Python parsed them (number lexemes kept). */
  argsTree: LosslessObject;
  headers: Headers;
  bodyText: string;
  /** The server's clock, Unix ms. */
  now: number;
  requestId: string;
}

/**
 * An emulated service function. `args` are JS values (integers beyond 2^53 as bigint).
 * Return plain values or lossless trees (`new LosslessNumber('1.0')` stays `1.0` on the
 * wire and in the signature); throw `JitaiBusinessError` for a business error envelope.
 */
export type JitaiServiceFunction = (
  args: Record<string, unknown>,
  context: JitaiServiceContext,
) => unknown;

/** Bearer-token interceptor, as in the seed `interceptors/BearerToken`. */
export interface JitaiBearerOptions {
  /** token → app name (`{ testtoken123: 'demoapp' }`). */
  tokens: Readonly<Record<string, string>>;
  /** Whitelisted `[element full name, function name]` pairs; each must be declared
   * `ignoreSign: true, loginRequired: false` in `definitions`. */
  functions: readonly (readonly [string, string])[];
  /** Interceptor element name in error messages (default `interceptors.BearerToken`). */
  name?: string;
  /** Interceptor title in error messages (default `BearerToken Authentication`). */
  title?: string;
}

/** Options of `createJitaiEmulator`. */
export interface JitaiEmulatorOptions extends EmulatorBaseOptions {
  orgId: string;
  appName: string;
  apiAuths?: readonly JitaiApiAuth[];
  /** `{ 'services.OrderSvc': { query: (args, ctx) => result } }`. */
  services?: Readonly<Record<string, Readonly<Record<string, JitaiServiceFunction>>>>;
  /** Definitions (`e.json`); a defined function without implementation echoes its args. */
  definitions?: readonly JitaiServiceDefinition[];
  bearer?: JitaiBearerOptions;
  /** The signed API answering authorization details (default `apiAuths.services.ApiAuthSvc.getDetails`). */
  authDetailsApi?: string;
  /** Flip one hex digit of every response accessSign (a tampered or mis-signed response). */
  tamperResponseSignature?: boolean;
  /** Write responses with Python's `ensure_ascii=True` (`\uXXXX`) instead of raw UTF-8. */
  ensureAscii?: boolean;
}

/** One call the JitAi emulator answered (secrets and signatures masked). */
export interface JitaiCallRecord {
  /** `services.OrderSvc.query`, or undefined when the path named no function. */
  api: string | undefined;
  method: string;
  /** The request target as received. */
  target: string;
  auth: 'signed' | 'bearer' | 'open' | 'none';
  accessKey: string | undefined;
  /** The `timestamp` header as a number, when it was one. */
  timestamp: number | undefined;
  ok: boolean;
  errcode: number;
  errmsg: string | null;
  /** The server's paramStr with the secret masked, when it built one. */
  paramStrMasked: string | undefined;
  debug: boolean;
  requestId: string;
  /** Request headers, lower-case names; `accesssign` and `authorization` masked. */
  headers: Record<string, string>;
}
