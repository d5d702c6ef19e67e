import type { LosslessJson, LosslessObject } from '@signet/sdk-core';
import { JITAI_SECRET_MASK, pyJsonDumps } from '@signet/sdk-core';
import { isWellFormed, sortEntries } from '@signet/sdk-core/internal';

/**
 * The paramStr as the platform's Python code builds it from what it received, which is
 * not quite the client recipe: the server never refuses, it merges.
 *
 * ```
 * merged = {**args, "timestamp": <int header>, "accessSign": <header>}; merged.pop("accessSign")
 * merged["secret"] = accessSecret
 * lowered = {k.lower(): v for k, v in merged.items()}   # a later key overwrites an earlier one
 * "&".join(f"{k}={v if str else json.dumps(v, sort_keys, compact, ensure_ascii=False)}"
 *          for k in sorted(lowered))
 * ```
 * So an args key `timestamp`, `secret` or `accessSign` is overwritten or dropped, and of
 * `orderId` + `orderid` only the one that came last in the body is signed. The debug
 * output masks the `secret` part before the parts are joined: nothing of a secret holding
 * `&` or `=` shows, and an arg value holding `&secret=` stays as it is (PROTOCOLS §1).
 *
 * Returns undefined when Python would raise instead (a value it cannot encode to UTF-8).
 */
export function serverParamStr(
  args: LosslessObject,
  timestamp: number,
  secret: string,
): { paramStr: string; masked: string } | undefined {
  const merged = new Map<string, LosslessJson | number>();
  for (const key of Object.keys(args)) merged.set(key, args[key]!);
  merged.set('timestamp', timestamp);
  merged.delete('accessSign');
  merged.set('secret', secret);
  const lowered = new Map<string, LosslessJson | number>();
  for (const [key, value] of merged) lowered.set(key.toLowerCase(), value);
  const keys = [...lowered.keys()];
  const texts: string[] = [];
  try {
    for (const key of keys) {
      const value = lowered.get(key);
      texts.push(typeof value === 'string' ? value : pyJsonDumps(value));
    }
  } catch {
    return undefined;
  }
  sortEntries(keys, texts);
  const parts = keys.map((key, i) => `${key}=${texts[i]}`);
  const paramStr = parts.join('&');
  if (!isWellFormed(paramStr)) return undefined;
  const masked = keys.map((key, i) => (key === 'secret' ? JITAI_SECRET_MASK : parts[i])).join('&');
  return { paramStr, masked };
}
