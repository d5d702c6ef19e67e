import type { LosslessObject } from '@signet/sdk-core';
import { losslessToValue } from '@signet/sdk-core';
import { toJsonShape } from '../core/python-json.js';
import { JitaiBusinessError } from './errors.js';
import type { ElementRef, JitaiExchange } from './exchange.js';
import type { JitaiServiceContext } from './options.js';
import type { ResolvedFunction } from './registry.js';

/** How a service function is being called. */
export interface ServiceCall {
  argsTree: LosslessObject;
  bodyText: string;
  auth: JitaiServiceContext['auth'];
  caller: string | undefined;
  /** The server's clock, Unix ms. */
  now: number;
}

/**
 * Runs a service function: its result shaped as JSON would carry it, or the error
 * answer (a JitaiBusinessError's envelope, errcode 50000 for anything else). A defined
 * function without implementation echoes the args tree, number lexemes intact.
 */
export async function invokeService(
  x: JitaiExchange,
  resolved: ResolvedFunction,
  call: ServiceCall,
): Promise<{ value: unknown } | Response> {
  const implementation = resolved.implementation;
  if (implementation === undefined) return { value: call.argsTree };
  const context: JitaiServiceContext = {
    api: resolved.api,
    auth: call.auth,
    argsTree: call.argsTree,
    headers: x.request.headers,
    bodyText: call.bodyText,
    now: call.now,
    requestId: x.meta.requestId,
  };
  if (call.caller !== undefined) context.caller = call.caller;
  try {
    const args = losslessToValue(call.argsTree) as Record<string, unknown>;
    return { value: toJsonShape(await implementation(args, context)) };
  } catch (error) {
    if (error instanceof JitaiBusinessError) return x.reply(error.errcode, error.errmsg, {});
    return x.serviceFailure(elementOf(resolved), error);
  }
}

/** The element a service failure is reported against (getDetails when none). */
export function elementOf(resolved: ResolvedFunction | undefined): ElementRef {
  if (resolved === undefined) {
    const name = 'apiAuths.services.ApiAuthSvc';
    return { name, title: name, funcName: 'getDetails' };
  }
  return { name: resolved.element, title: resolved.elementTitle, funcName: resolved.name };
}
