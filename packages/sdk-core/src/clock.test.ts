import { describe, expect, test } from 'vitest';
import { parseHttpDate, SkewClock } from './clock.js';
import { SignetSignatureError } from './errors.js';

describe('SkewClock', () => {
  test('measures against the round-trip midpoint and applies only on request', () => {
    let t = 1_000_000;
    const clock = new SkewClock({ now: () => t });
    expect(clock.observe(1_600_000, 1_000_000, 1_000_200)).toBe(599_900);
    expect(clock.now()).toBe(1_000_000);
    clock.apply(599_900);
    t = 2_000_000;
    expect(clock.now()).toBe(2_599_900);
    expect(clock.offsetMs).toBe(599_900);
  });

  test('refuses a jump beyond maxSkewMs with a clock-skew error', () => {
    const clock = new SkewClock({ now: () => 0, maxSkewMs: 900_000 });
    clock.apply(900_000);
    expect(() => clock.apply(-900_001)).toThrow(SignetSignatureError);
    try {
      clock.apply(3_600_000);
    } catch (error) {
      expect((error as SignetSignatureError).problem).toBe('clock-skew');
      expect((error as Error).message).toContain('3600.0 s');
    }
    expect(clock.offsetMs).toBe(900_000);
  });

  test('parses HTTP dates', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(784111777000);
    expect(parseHttpDate('nonsense')).toBeUndefined();
    expect(parseHttpDate(null)).toBeUndefined();
  });
});
