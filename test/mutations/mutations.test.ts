// The mutation check (run.mjs) is too slow for every run; this keeps it from rotting: each
// mutation still applies to today's sources, and each protocol has one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CALL_LEVEL, MUTATIONS } from './mutations.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('test/mutations', () => {
  test.each(MUTATIONS.map((m) => [m.id, m] as const))(
    '%s still applies: its text occurs exactly once in its file',
    (_id, m) => {
      const text = readFileSync(path.join(root, m.file), 'utf8');
      expect(text.split(m.find)).toHaveLength(2);
      expect(m.replace).not.toBe(m.find);
    },
  );

  test('every protocol has a mutation; ids are unique', () => {
    expect(new Set(MUTATIONS.map((m) => m.protocol))).toEqual(
      new Set(['jitai', 'dataflux', 'digest', 'hmac']),
    );
    expect(new Set(MUTATIONS.map((m) => m.id)).size).toBe(MUTATIONS.length);
  });

  test('the call-level test files exist', () => {
    expect(CALL_LEVEL.filter((file) => !existsSync(path.join(root, file)))).toEqual([]);
  });
});
